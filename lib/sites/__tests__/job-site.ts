import type { Measurement } from '../../event';
import { type FakeResponse, fixture, onlyEvent, testPage, type TestPage } from '../../capture/__tests__/fakes';
import type { SiteAdapter } from '../types';

/** A generation request as a test sends it: fixtures by name, the answer's transport by options. */
export interface JobCall {
  url: string;
  request: string;
  response?: string;
  headers?: Record<string, string>;
  answer?: Omit<FakeResponse, 'body'>;
}

/** Sends one generation through the page's own fetch, as the site's app would; expects one event. */
export async function submitJob(
  adapter: SiteAdapter,
  pageUrl: string,
  call: JobCall,
): Promise<{ page: TestPage; pageText: string; event: Measurement }> {
  const body = call.response ? fixture(adapter.site, call.response) : '';
  const page = testPage([adapter], () => ({ contentType: 'application/json', ...call.answer, body }), pageUrl);
  const response = await page.win.fetch(call.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...call.headers },
    body: fixture(adapter.site, call.request),
  });
  const pageText = await response.text().catch((error: unknown) => `page saw: ${String(error)}`);
  return { page, pageText, event: await onlyEvent(page) };
}

/** Sends a request that is no generation; resolves to what the tap sent (nothing, it should be). */
export async function sendOther(
  adapter: SiteAdapter,
  pageUrl: string,
  url: string,
  init: RequestInit,
  answer = '{}',
): Promise<Measurement[]> {
  const page = testPage([adapter], () => ({ body: answer, contentType: 'application/json' }), pageUrl);
  await (await page.win.fetch(url, init)).text();
  await new Promise((resolve) => setTimeout(resolve, 20));
  return page.sent;
}
