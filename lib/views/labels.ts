import type { ModelRow } from '../footprint';
import type { Translate } from './i18n';

/** Rows that stand for "we do not know": their registry names are English descriptions, not proper nouns. */
const UNIDENTIFIED_ROWS = new Set(['llm-generic', 'image-generic', 'video-generic']);

/** A model's display name: its proper name, or "unidentified model" in the reader's language. */
export function modelName(row: Pick<ModelRow, 'id' | 'name'>, t: Translate): string {
  return UNIDENTIFIED_ROWS.has(row.id) ? t('common.unknownModel') : row.name;
}
