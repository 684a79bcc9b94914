import { describe, expect, it } from 'vitest';
import { fixture, withoutTiming } from '../../capture/__tests__/fakes';
import { ideogram } from '../ideogram';
import { sendOther, submitJob } from './job-site';

const PAGE = 'https://ideogram.ai/t/explore';
const SAMPLE = 'https://ideogram.ai/api/images/sample';
const length = (text: string) => [...text].length;

const submit = (request: string, response?: string, answer?: Parameters<typeof submitJob>[2]['answer']) =>
  submitJob(ideogram, PAGE, { url: SAMPLE, request, response, answer });

describe('Ideogram adapter', () => {
  it('counts a sample request as its images, with the model version', async () => {
    const { event, pageText } = await submit('sample.request.json', 'sample.response.json');
    expect(pageText).toBe(fixture('ideogram', 'sample.response.json'));
    expect(event).toMatchObject({
      kind: 'image',
      task: 'image',
      images: 4,
      model: 'ideogram-v3.1',
      modelSource: 'request',
      status: 'complete',
      inputChars: length('A vintage travel poster for the Moon with the words "VISIT LUNA"'),
    });
  });

  it('counts an upscale (SUPER_RES) as a generation of its own', async () => {
    const { event } = await submit('super-res.request.json', 'sample.response.json');
    expect(event).toMatchObject({ images: 1, model: 'ideogram-auto', status: 'complete' });
  });

  it('reads the model from model_uri and counts 4 when the request gives no count', async () => {
    const { event } = await submit('legacy.request.json', 'sample.response.json');
    expect(event).toMatchObject({ images: 4, model: 'ideogram-v2a-turbo' });
  });

  it('counts no images when the site refuses (limit reached), with or without an HTTP error', async () => {
    const refused = await submit('sample.request.json', 'limited.response.json');
    expect(refused.event).toMatchObject({ kind: 'image', images: 0, status: 'error' });
    const limited = await submit('sample.request.json', 'limited.response.json', { status: 429 });
    expect(limited.pageText).toBe(fixture('ideogram', 'limited.response.json'));
    expect(limited.event).toMatchObject({ images: 0, status: 'error' });
  });

  it('counts what was asked, as interrupted, when the answer is not JSON', async () => {
    const { event } = await submit('sample.request.json', undefined, { contentType: 'text/html' });
    expect(event).toMatchObject({ images: 4, status: 'interrupted' });
  });

  it.each([1, 3, 64])('measures the same in %i-byte chunks', async (chunkSize) => {
    const reference = withoutTiming((await submit('sample.request.json', 'sample.response.json')).event);
    const { event } = await submit('sample.request.json', 'sample.response.json', { chunkSize });
    expect(withoutTiming(event)).toEqual(reference);
  });

  it.each([
    ['the result polling', 'https://ideogram.ai/api/gallery/retrieve-requests', '{"request_ids":["kQ3xR7tV2nP8mL5wZ1yB9c"]}'],
    ['a description of an upload', 'https://ideogram.ai/api/describe', '{"image_id":"x","captioner_model_version":"V_3_0"}'],
    ['a sample body without a prompt', SAMPLE, '{"user_id":"lFJrDL4wSMOFa7wfMdI5UA"}'],
  ])('ignores %s', async (_what, url, body) => {
    expect(await sendOther(ideogram, PAGE, url, { method: 'POST', body })).toEqual([]);
  });
});
