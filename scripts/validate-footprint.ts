/**
 * Prints the footprint model's validation table: each published figure, the
 * model's low / central / high for the same request, and whether the range
 * contains it. Scenarios outside on purpose are explained in METHODOLOGY.md.
 * Exits non-zero if any scenario does not behave as expected.
 *
 *   npm run -s validate:footprint
 */
import { formatValidationTable, METHOD_VERSION, SCENARIOS, SOURCES, validate } from '../lib/footprint';

const results = validate();
process.stdout.write(`Footprint validation (${METHOD_VERSION})\n\n${formatValidationTable(results)}\n\n`);
for (const { scenario } of results) {
  const source = SOURCES[scenario.source];
  process.stdout.write(`${scenario.id}: ${scenario.claim} [${source.author}, ${source.year}]\n  setup: ${scenario.setup}\n`);
}
const unexpected = results.filter((result) => !result.asExpected);
if (unexpected.length > 0) {
  process.stderr.write(`\n${unexpected.length} of ${SCENARIOS.length} scenarios did not behave as expected.\n`);
  process.exitCode = 1;
}
