import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { RAW_COLUMNS } from '../columns';
import { readImport, writeImport } from '../import';
import { anyEvents, exportText, freshDb, seed } from './helpers';

describe('export -> import -> export', () => {
  it('gives the same file, and the same raw columns as the events it came from', async () => {
    await fc.assert(
      fc.asyncProperty(anyEvents(25), fc.constantFrom('provider' as const, 'FRA' as const), fc.boolean(), async (events, region, bom) => {
        const source = await freshDb();
        await seed(source, events);
        const first = await exportText(source, { region, bom });

        const reading = await readImport(new TextEncoder().encode(first));
        if (!reading.ok) throw new Error(`refused its own export: ${JSON.stringify(reading.problems)}`);
        const restored = await freshDb();
        await writeImport(restored, reading.rows);
        const second = await exportText(restored, { region, bom });
        expect(second).toBe(first);

        // Checked against the events themselves, through an independent reader.
        const rows = Papa.parse<Record<string, string>>(first.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
        const byId = new Map(events.map((event) => [event.id, event]));
        expect(rows).toHaveLength(events.length);
        for (const row of rows) {
          const event = byId.get(row.id!)!;
          expect(RAW_COLUMNS.map((column) => row[column])).toEqual([
            event.id,
            new Date(event.at).toISOString(),
            event.site,
            event.kind,
            event.model ?? '',
            event.modelSource,
            event.task,
            ...[
              event.inputChars,
              event.outputChars,
              event.reasoningChars,
              event.inputTokens,
              event.outputTokens,
              event.reasoningTokens,
              event.images,
              event.durationMs,
            ].map(String),
            event.status,
          ]);
        }
      }),
      { numRuns: 100 },
    );
  });
});
