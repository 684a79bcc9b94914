import { describe, expect, it } from 'vitest';
import { fixture, withoutTiming } from '../../capture/__tests__/fakes';
import { firefly } from '../firefly';
import { sendOther, submitJob } from './job-site';

/** The app's page; its work goes to *.adobe.io hosts, seen because the tap wraps the page's fetch. */
const PAGE = 'https://firefly.adobe.com/generate/image';
const PARTNER_IMAGES = 'https://firefly-3p.ff.adobe.io/v2/3p-images/generate-async';
const PARTNER_VIDEOS = 'https://firefly-3p.ff.adobe.io/v2/3p-videos/generate-async';
/** Guessed host and path for Adobe's own models (the public Firefly API's, 2025). */
const ADOBE_IMAGES = 'https://firefly-api.adobe.io/v3/images/generate-async';
const ADOBE_VIDEOS = 'https://firefly-api.adobe.io/v3/videos/generate';
const length = (text: string) => [...text].length;

type Answer = Parameters<typeof submitJob>[2]['answer'];
const submit = (url: string, request: string, response?: string, answer?: Answer, headers?: Record<string, string>) =>
  submitJob(firefly, PAGE, { url, request, response, answer, headers: { 'x-api-key': 'clio-playground-web', ...headers } });

describe('Adobe Firefly adapter', () => {
  it('counts a partner-model image job, named by model and version', async () => {
    const { event, pageText } = await submit(PARTNER_IMAGES, 'partner-image.request.json', 'partner.response.json');
    expect(pageText).toBe(fixture('firefly', 'partner.response.json'));
    expect(event).toMatchObject({
      kind: 'image',
      task: 'image',
      images: 2,
      model: 'gemini-flash/nano-banana-2',
      modelSource: 'request',
      status: 'complete',
      inputChars: length('a paper-cut diorama of a mountain village at night'),
    });
  });

  it('keeps the last part of a namespaced partner model id', async () => {
    const { event } = await submit(PARTNER_IMAGES, 'partner-namespaced.request.json', 'partner.response.json');
    expect(event).toMatchObject({ images: 1, model: 'nano-banana-pro/nano-banana-2' });
  });

  it('counts a partner video job as a clip', async () => {
    const { event } = await submit(PARTNER_VIDEOS, 'partner-video.request.json', 'partner.response.json');
    expect(event).toMatchObject({ kind: 'video', images: 1, model: 'veo/3.1-fast-generate', status: 'complete' });
  });

  it("counts an image job of Adobe's own model with the version from its header [endpoint guessed]", async () => {
    const { event } = await submit(ADOBE_IMAGES, 'adobe-image.request.json', 'adobe.response.json', undefined, {
      'x-model-version': 'image4_standard',
    });
    expect(event).toMatchObject({ kind: 'image', images: 4, model: 'firefly-image4-standard', status: 'complete' });
  });

  it("names Adobe's model family when the header is absent, and counts its video as a clip", async () => {
    const image = await submit(ADOBE_IMAGES, 'adobe-image.request.json', 'adobe.response.json');
    expect(image.event).toMatchObject({ model: 'firefly', images: 4 });
    const video = await submit(ADOBE_VIDEOS, 'adobe-video.request.json', 'adobe.response.json');
    expect(video.event).toMatchObject({ kind: 'video', images: 1, model: 'firefly-video', status: 'complete' });
  });

  it('counts no images when the job is refused, with or without an HTTP error', async () => {
    const refused = await submit(PARTNER_IMAGES, 'partner-image.request.json', 'refused.response.json');
    expect(refused.event).toMatchObject({ kind: 'image', images: 0, status: 'error' });
    const blocked = await submit(PARTNER_IMAGES, 'partner-image.request.json', 'refused.response.json', { status: 451 });
    expect(blocked.event).toMatchObject({ images: 0, status: 'error' });
  });

  it('counts what was asked, as interrupted, when the answer is cut', async () => {
    const { event } = await submit(PARTNER_IMAGES, 'partner-image.request.json', 'partner.response.json', { failAfter: 25 });
    expect(event).toMatchObject({ images: 2, status: 'interrupted' });
  });

  it.each([1, 3, 64])('measures the same in %i-byte chunks', async (chunkSize) => {
    const reference = withoutTiming((await submit(PARTNER_IMAGES, 'partner-image.request.json', 'partner.response.json')).event);
    const { event } = await submit(PARTNER_IMAGES, 'partner-image.request.json', 'partner.response.json', { chunkSize });
    expect(withoutTiming(event)).toEqual(reference);
  });

  it.each([
    ['an image upload', 'https://firefly-3p.ff.adobe.io/v2/storage/image'],
    ['the credits balance', 'https://firefly.adobe.io/v1/credits/balance'],
    ['a job poll', 'https://firefly-epo855230.adobe.io/jobs/result/4f1e2d3c-5b6a-4798-8a0b-1c2d3e4f5a6b'],
    ['the generation path on a host that is not Adobe\'s', 'https://firefly-api.adobe.io.example/v3/images/generate-async'],
  ])('ignores %s', async (_what, url) => {
    const body = fixture('firefly', 'partner-image.request.json');
    expect(await sendOther(firefly, PAGE, url, { method: 'POST', body })).toEqual([]);
  });
});
