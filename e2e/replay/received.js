// Shared by the image-site replays (served by each site as its own script):
// posts a job the way the app does, and records on a `[data-job]` list item,
// for the tests, the HTTP status and a SHA-256 of the exact bytes the page
// received. `body[data-answers]` counts the answers.
(() => {
  const hex = (buffer) => [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, '0')).join('');

  async function post(url, body, headers = {}) {
    const item = document.createElement('li');
    item.dataset.job = 'pending';
    item.textContent = 'Submitting…';
    document.getElementById('jobs').prepend(item);
    try {
      const response = await fetch(url, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      const bytes = new Uint8Array(await response.arrayBuffer());
      item.dataset.httpStatus = String(response.status);
      item.dataset.receivedBytes = String(bytes.length);
      item.dataset.receivedSha256 = hex(await crypto.subtle.digest('SHA-256', bytes));
      item.dataset.job = response.ok ? 'queued' : 'refused';
      item.textContent = response.ok ? 'Queued: your images will appear here.' : 'The site refused this job.';
    } catch (error) {
      item.dataset.job = 'failed';
      item.textContent = String(error);
    } finally {
      document.body.dataset.answers = String(Number(document.body.dataset.answers ?? 0) + 1);
    }
  }

  window.replayJobs = { post };
})();
