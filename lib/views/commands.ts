import type { PageCommand, PageCommandReply } from '../background/commands';
import { extensionApi } from '../extension-api';

/** Ask the background (which makes every change but a CSV import) to change the history; resolves with its answer. */
export async function sendCommand(command: PageCommand): Promise<PageCommandReply> {
  const reply = (await extensionApi().runtime.sendMessage(command)) as PageCommandReply | undefined;
  return reply ?? { ok: false, reason: 'storage-unavailable' };
}
