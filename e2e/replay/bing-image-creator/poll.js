// The polling page's script, as Bing's: asks for the creation's results until
// an answer is not empty, and puts each answer in the results area (parsed,
// not innerHTML). For the tests it records a SHA-256 of the exact bytes of
// the last answer (the page kit), and marks the body when the results are final.
(() => {
  const params = new URLSearchParams(location.search);
  const id = params.get('id');
  const q = params.get('q');
  if (!id || !q) return;
  const target = document.getElementById('gir_async');
  const query = new URLSearchParams({ q, IG: '3F2A1B0C9D8E7F6A5B4C3D2E1F0A9B8C', IID: 'images.as' });
  for (const name of ['mdl', 'ar', 'ctype']) if (params.get(name)) query.set(name, params.get(name));

  async function poll() {
    const response = await fetch(`/images/create/async/results/${encodeURIComponent(id)}?${query}`, { credentials: 'include' });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    if (text.trim()) {
      const parsed = new DOMParser().parseFromString(text, 'text/html');
      target.replaceChildren(...[...parsed.body.childNodes].map((node) => document.importNode(node, true)));
      await window.replayKit.recordReceived(target, [bytes]);
      if (!parsed.querySelector('.strm')) {
        document.getElementById('giloader').hidden = true;
        document.body.dataset.results = 'done';
        return;
      }
    }
    setTimeout(poll, 300);
  }

  void poll();
})();
