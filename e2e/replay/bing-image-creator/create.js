// The create form, as Bing's: the prompt and the model go in the address the
// form posts to; the server answers with a redirect to the polling page.
(() => {
  const form = document.getElementById('create_form');
  const prompt = document.getElementById('sb_form_q');
  const model = document.getElementById('gi_mdl');
  const video = document.getElementById('gi_video');
  // Bing's `mdl` codes (2025 clients): 0 DALL-E 3, 1 GPT-4o, 4 MAI-Image-1.
  const codes = { dalle: '0', gpt4o: '1', maiimage1: '4' };

  function create(event) {
    event.preventDefault();
    const q = prompt.value.trim();
    if (!q) return;
    const params = new URLSearchParams({ q, rt: '4' });
    if (video?.checked) {
      params.set('ctype', 'video');
    } else {
      params.set('mdl', codes[model.value] ?? model.value);
      params.set('ar', '1');
    }
    params.set('FORM', 'GENCRE');
    form.action = `/images/create?${params}`;
    form.submit();
  }

  document.getElementById('create_btn_c').addEventListener('click', create);
  form.addEventListener('submit', create);
})();
