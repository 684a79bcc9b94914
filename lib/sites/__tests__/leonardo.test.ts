import { describe, expect, it } from 'vitest';
import { fixture, withoutTiming } from '../../capture/__tests__/fakes';
import { leonardo } from '../leonardo';
import { sendOther, submitJob } from './job-site';

/** The app's page; its GraphQL goes to another host, seen because the tap wraps the page's fetch. */
const PAGE = 'https://app.leonardo.ai/image-generation';
const GRAPHQL = 'https://api.leonardo.ai/v1/graphql';
const length = (text: string) => [...text].length;

const submit = (request: string, response?: string, answer?: Parameters<typeof submitJob>[2]['answer']) =>
  submitJob(leonardo, PAGE, { url: GRAPHQL, request, response, answer, headers: { authorization: 'Bearer test-token' } });

describe('Leonardo adapter', () => {
  it('counts a generation job sent to api.leonardo.ai, with the model and its architecture', async () => {
    const { event, pageText } = await submit('generation.request.json', 'generation.response.json');
    expect(pageText).toBe(fixture('leonardo', 'generation.response.json'));
    expect(event).toMatchObject({
      kind: 'image',
      task: 'image',
      images: 4,
      model: 'phoenix/de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3',
      modelSource: 'request',
      status: 'complete',
      detector: 'network',
      inputChars: length('a red fox curled up in fresh snow, soft morning light'),
    });
  });

  it('keeps the Stable Diffusion version of a fine-tuned model', async () => {
    const { event } = await submit('dreamshaper.request.json', 'generation.response.json');
    expect(event).toMatchObject({ images: 2, model: 'v1-5/ac614f96-1082-45bf-be9d-757f2d31c174' });
  });

  it('finds the generation in a batch of operations and its answer at the same place', async () => {
    const { event } = await submit('batched.request.json', 'batched.response.json');
    expect(event).toMatchObject({ images: 4, status: 'complete' });
  });

  it('counts a motion job as one video clip', async () => {
    const { event } = await submit('motion.request.json', 'motion.response.json');
    expect(event).toMatchObject({ kind: 'video', images: 1, model: 'leonardo-motion', status: 'complete', inputChars: 0 });
  });

  it('counts an upscale as one image', async () => {
    const { event } = await submit('upscale.request.json', 'upscale.response.json');
    expect(event).toMatchObject({ kind: 'image', images: 1, model: 'leonardo-upscaler', status: 'complete' });
  });

  it('counts no images when GraphQL answers with errors (HTTP 200)', async () => {
    const { event } = await submit('generation.request.json', 'errors.response.json');
    expect(event).toMatchObject({ kind: 'image', images: 0, status: 'error' });
  });

  it('counts what was asked, as interrupted, when the answer is cut', async () => {
    const { event } = await submit('generation.request.json', 'generation.response.json', { failAfter: 30 });
    expect(event).toMatchObject({ images: 4, status: 'interrupted' });
  });

  it.each([1, 3, 64])('measures the same in %i-byte chunks', async (chunkSize) => {
    const reference = withoutTiming((await submit('generation.request.json', 'generation.response.json')).event);
    const { event } = await submit('generation.request.json', 'generation.response.json', { chunkSize });
    expect(withoutTiming(event)).toEqual(reference);
  });

  it.each([
    ['the live canvas (a preview per stroke)', 'live-canvas.request.json'],
    ['the generation feed query', 'feed.request.json'],
  ])('ignores %s', async (_what, request) => {
    expect(await sendOther(leonardo, PAGE, GRAPHQL, { method: 'POST', body: fixture('leonardo', request) })).toEqual([]);
  });

  it('ignores other hosts and paths, and bodies that are not GraphQL', async () => {
    const body = fixture('leonardo', 'generation.request.json');
    expect(await sendOther(leonardo, PAGE, 'https://app.leonardo.ai/v1/graphql', { method: 'POST', body })).toEqual([]);
    expect(await sendOther(leonardo, PAGE, 'https://api.leonardo.ai/v1/generations', { method: 'POST', body })).toEqual([]);
    expect(await sendOther(leonardo, PAGE, GRAPHQL, { method: 'POST', body: 'not json' })).toEqual([]);
    expect(await sendOther(leonardo, PAGE, GRAPHQL, { method: 'POST', body: '{"operationName":"constructor"}' })).toEqual([]);
  });
});
