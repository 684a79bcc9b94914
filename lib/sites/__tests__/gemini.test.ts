import { describe, expect, it } from 'vitest';
import { expectSameHoweverChunked, FakeXhr, fixture, onlyEvent, sentAtLeast, testPage, type TestPage } from '../../capture/__tests__/fakes';
import { gemini } from '../gemini';

const ENDPOINT =
  'https://gemini.google.com/_/BardChatUi/data/assistant.lamda.BardFrontendService/StreamGenerate?bl=boq_assistant-bard-web-server_20260317.00_p6&f.sid=-2496153149795386683&hl=en&_reqid=4580973&rt=c';
const PAGE = 'https://gemini.google.com/app/3e9a71d04b2f8c65';
const length = (text: string) => [...text].length;

const JAPANESE_ANSWER =
  '「おはようございます」(ohayō gozaimasu) is the polite form. Among friends, 「おはよう」 is enough 😊';

/** Send the fixture's request through the page's XHR and read the answer as the page would. */
async function replay(name: string, chunkSize = 64, url = ENDPOINT) {
  const page = testPage([gemini], () => ({ body: '' }), PAGE);
  const pageText = await sendXhr(page, name, chunkSize, url);
  return { page, pageText, event: await onlyEvent(page) };
}

function newXhr(page: TestPage): XMLHttpRequest {
  return new page.win.XMLHttpRequest();
}

async function sendXhr(page: TestPage, name: string, chunkSize: number, url = ENDPOINT, method = 'POST') {
  FakeXhr.responses.push({ body: fixture('gemini', `${name}.frames`), chunkSize, contentType: 'application/json; charset=utf-8' });
  const xhr = newXhr(page);
  const loaded = new Promise((resolve) => xhr.addEventListener('loadend', resolve));
  xhr.open(method, url);
  xhr.send(fixture('gemini', `${name}.request.txt`));
  await loaded;
  return xhr.responseText;
}

describe('Gemini adapter', () => {
  it('measures the last cumulative snapshot and takes the model id from the final frame', async () => {
    const { event, pageText } = await replay('answer');
    expect(pageText).toBe(fixture('gemini', 'answer.frames'));
    expect(event).toMatchObject({
      kind: 'text',
      model: 'fbb127bbb056c959',
      modelSource: 'response',
      status: 'complete',
      detector: 'network',
      adapterVersion: gemini.version,
      inputChars: length("How do I say 'good morning' in Japanese?"),
      outputChars: length(JAPANESE_ANSWER),
      reasoningChars: 0,
      images: 0,
    });
    expect(event.outputTokens).toBeGreaterThan(20);
  });

  it('keeps thoughts apart from the answer', async () => {
    const { event } = await replay('thinking');
    expect(event).toMatchObject({
      model: '5bf011840784117a',
      status: 'complete',
      inputChars: length('What is 48 € plus a 15% tip?'),
      outputChars: length('The total is €55.20 (a €7.20 tip).'),
      reasoningChars: length('**Checking the arithmetic**\n\nA 15% tip on 48 is 7.2, so the total is 55.2.'),
    });
  });

  it('counts a generated image and leaves its placeholder URL out of the answer', async () => {
    const { event } = await replay('image');
    expect(event).toMatchObject({
      kind: 'image',
      task: 'image',
      images: 1,
      status: 'complete',
      outputChars: length('Here is your fox: \n\n'),
    });
  });

  it('counts each generated image once its file is there, not the placeholders listed before', async () => {
    const { event } = await replay('image-pair');
    expect(event).toMatchObject({ kind: 'image', images: 2, status: 'complete', outputChars: length('Here are two foxes: \n\n') });
  });

  it('counts only the images whose files arrived when the stream is cut', async () => {
    const { event } = await replay('image-pair-cut');
    expect(event).toMatchObject({ kind: 'image', images: 1, status: 'interrupted' });
  });

  it('reads a card from its own field when the text is only its placeholder', async () => {
    const { event } = await replay('card');
    expect(event).toMatchObject({ status: 'complete', outputChars: length('Tokyo: 18 °C, sunny, light wind.'), images: 0 });
  });

  it('marks an error envelope (usage limit) as an error', async () => {
    const { event } = await replay('error');
    expect(event).toMatchObject({ status: 'error', outputChars: 0, model: null });
  });

  it('measures what arrived when the connection drops mid-frame, without a model', async () => {
    const { event } = await replay('truncated');
    expect(event).toMatchObject({
      status: 'interrupted',
      model: null,
      modelSource: 'unknown',
      outputChars: length('「おはようございます」(ohayō gozaimasu) is the polite form. '),
    });
  });

  it('takes the model picked in the page from the request header when the answer never names one', async () => {
    const page = testPage([gemini], () => ({ body: '' }), PAGE);
    FakeXhr.responses.push({ body: fixture('gemini', 'truncated.frames'), contentType: 'application/json; charset=utf-8' });
    const xhr = newXhr(page);
    const loaded = new Promise((resolve) => xhr.addEventListener('loadend', resolve));
    xhr.open('POST', ENDPOINT);
    xhr.setRequestHeader('x-goog-ext-525001261-jspb', '[1,null,null,null,"9ec249fc9ad08861",null,null,0,[4]]');
    xhr.send(fixture('gemini', 'truncated.request.txt'));
    await loaded;
    await sentAtLeast(page, 2);
    expect(page.finals()[0]).toMatchObject({ model: '9ec249fc9ad08861', modelSource: 'request', status: 'interrupted' });
  });

  it('survives junk frames and still measures the real answer', async () => {
    const { event } = await replay('malformed');
    expect(event).toMatchObject({ status: 'complete', model: 'fbb127bbb056c959', outputChars: length('Joyful.'), reasoningChars: 0 });
  });

  it('measures duplicated frames once', async () => {
    const { event } = await replay('duplicated');
    expect(event).toMatchObject({ status: 'complete', outputChars: length(JAPANESE_ANSWER) });
  });

  it.each(['answer', 'thinking', 'image', 'image-pair', 'error', 'truncated', 'malformed', 'duplicated'])(
    'measures %s the same however the text is chunked',
    (name) => expectSameHoweverChunked((chunkSize) => replay(name, chunkSize), fixture('gemini', `${name}.frames`)),
  );

  it('watches the second account path (/u/1/) too', async () => {
    const { event } = await replay('answer', 64, ENDPOINT.replace('.com/_/', '.com/u/1/_/'));
    expect(event).toMatchObject({ status: 'complete', outputChars: length(JAPANESE_ANSWER) });
  });

  it('counts a prompt whose body it cannot read, without input', async () => {
    const page = testPage([gemini], () => ({ body: '' }), PAGE);
    FakeXhr.responses.push({ body: fixture('gemini', 'answer.frames') });
    const xhr = newXhr(page);
    xhr.open('POST', ENDPOINT);
    xhr.send('f.req=%5Bnull%2C%22%5Bnot%20json%22%5D&at=x');
    await sentAtLeast(page, 2);
    expect(page.finals()[0]).toMatchObject({ inputChars: 0, status: 'complete', outputChars: length(JAPANESE_ANSWER) });
  });

  it.each([
    ['POST', 'https://gemini.google.com/_/BardChatUi/data/batchexecute?rpcids=MaZiqc&rt=c'],
    ['POST', 'https://gemini.google.com/_/BardChatUi/data/batchexecute?rpcids=ESY5D&rt=c'],
    ['GET', ENDPOINT],
    ['POST', 'https://gemini.google.com/_/BardChatUi/data/assistant.lamda.BardFrontendService/StreamGenerateX'],
  ])('ignores %s %s (not a prompt)', async (method, url) => {
    const page = testPage([gemini], () => ({ body: '' }), PAGE);
    await sendXhr(page, 'answer', 64, url, method);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(page.sent).toEqual([]);
  });

  it('marks an HTTP error as an error', async () => {
    const page = testPage([gemini], () => ({ body: '' }), PAGE);
    FakeXhr.responses.push({ body: ")]}'\n", status: 429 });
    const xhr = newXhr(page);
    xhr.open('POST', ENDPOINT);
    xhr.send(fixture('gemini', 'answer.request.txt'));
    await sentAtLeast(page, 2);
    expect(page.finals()[0]).toMatchObject({ status: 'error', outputChars: 0 });
  });

  it('marks a request the user stopped (XHR abort) as interrupted', async () => {
    const page = testPage([gemini], () => ({ body: '' }), PAGE);
    FakeXhr.responses.push({ body: fixture('gemini', 'answer.frames') });
    const xhr = newXhr(page);
    xhr.open('POST', ENDPOINT);
    xhr.send(fixture('gemini', 'answer.request.txt'));
    xhr.dispatchEvent(new Event('abort'));
    await sentAtLeast(page, 1);
    expect(page.finals()[0]).toMatchObject({ status: 'interrupted', outputChars: 0 });
  });
});
