import { describe, expect, it } from 'vitest';
import { fixture, withoutTiming } from '../../capture/__tests__/fakes';
import { midjourney } from '../midjourney';
import { sendOther, submitJob } from './job-site';

const PAGE = 'https://www.midjourney.com/imagine';
const SUBMIT = 'https://www.midjourney.com/api/submit-jobs';
const length = (text: string) => [...text].length;

const submit = (request: string, response?: string, answer?: Parameters<typeof submitJob>[2]['answer'], url = SUBMIT) =>
  submitJob(midjourney, PAGE, { url, request, response, answer });

describe('Midjourney adapter', () => {
  it('counts an imagine job as the grid it renders, with the version flag as the model', async () => {
    const { event, pageText } = await submit('imagine.request.json', 'imagine.response.json');
    expect(pageText).toBe(fixture('midjourney', 'imagine.response.json'));
    expect(event).toMatchObject({
      kind: 'image',
      task: 'image',
      images: 4,
      model: 'midjourney-v7',
      modelSource: 'request',
      status: 'complete',
      detector: 'network',
      adapterVersion: midjourney.version,
      inputChars: length('a lighthouse on a cliff at dawn, oil painting --ar 16:9 --v 7'),
      outputChars: 0,
    });
  });

  it('names niji prompts by their niji version', async () => {
    const { event } = await submit('niji.request.json', 'imagine.response.json');
    expect(event).toMatchObject({ model: 'niji-6', images: 4 });
  });

  it('counts an upscale as one image', async () => {
    const { event } = await submit('upscale.request.json', 'upscale.response.json');
    expect(event).toMatchObject({ kind: 'image', images: 1, model: 'midjourney', status: 'complete', inputChars: 0 });
  });

  it('counts an upscale as one image even when the answer cannot be read', async () => {
    const { event } = await submit('upscale.request.json', 'truncated.response.json');
    expect(event).toMatchObject({ images: 1, status: 'interrupted' });
  });

  it('counts a video job as video clips, from --bs when the answer gives no batch size', async () => {
    const { event } = await submit('video.request.json', 'video.response.json');
    expect(event).toMatchObject({
      kind: 'video',
      task: 'image',
      images: 2,
      model: 'midjourney-video-1.1',
      status: 'complete',
      inputChars: length('waves crash against the rocks --bs 2 --motion low --video 1'),
    });
  });

  it('adds up the jobs one prompt makes (permutations, --repeat)', async () => {
    const { event } = await submit('repeat.request.json', 'repeat.response.json');
    expect(event).toMatchObject({ images: 8, model: 'midjourney-v6.1', status: 'complete' });
  });

  it('counts no images for a refused job', async () => {
    const { event } = await submit('imagine.request.json', 'refused.response.json');
    expect(event).toMatchObject({ kind: 'image', task: 'image', images: 0, status: 'error' });
  });

  it('counts no images for an HTTP error, and the page gets the error unchanged', async () => {
    const { event, pageText } = await submit('imagine.request.json', 'refused.response.json', { status: 429 });
    expect(pageText).toBe(fixture('midjourney', 'refused.response.json'));
    expect(event).toMatchObject({ images: 0, status: 'error' });
  });

  it('counts what was asked, as interrupted, when the answer is cut or the connection drops', async () => {
    const cut = await submit('imagine.request.json', 'truncated.response.json');
    expect(cut.event).toMatchObject({ images: 4, status: 'interrupted' });
    const dropped = await submit('imagine.request.json', 'imagine.response.json', { failAfter: 40 });
    expect(dropped.pageText).toMatch(/abort/i);
    expect(dropped.event).toMatchObject({ images: 4, status: 'interrupted' });
  });

  it('reads the older /api/app/submit-jobs path too', async () => {
    const { event } = await submit('imagine.request.json', 'imagine.response.json', undefined, 'https://www.midjourney.com/api/app/submit-jobs');
    expect(event).toMatchObject({ images: 4, status: 'complete' });
  });

  it.each([1, 3, 64])('measures the same in %i-byte chunks', async (chunkSize) => {
    const reference = withoutTiming((await submit('imagine.request.json', 'imagine.response.json')).event);
    const { event } = await submit('imagine.request.json', 'imagine.response.json', { chunkSize });
    expect(withoutTiming(event)).toEqual(reference);
  });

  it.each([
    ['the job list', 'https://www.midjourney.com/api/imagine?user_id=1b9d6bcd&page_size=100', 'GET'],
    ['the queue', 'https://www.midjourney.com/api/user-queue', 'GET'],
    ['a GET of the submit path', SUBMIT, 'GET'],
    ['another host', 'https://api.midjourney.example/api/submit-jobs', 'POST'],
    ['a body without a job type', SUBMIT, 'POST', '{"prompt":"no t field"}'],
  ])('ignores %s', async (_what, url, method, body = fixture('midjourney', 'imagine.request.json')) => {
    const init: RequestInit = method === 'POST' ? { method, body } : { method };
    expect(await sendOther(midjourney, PAGE, url, init)).toEqual([]);
  });
});
