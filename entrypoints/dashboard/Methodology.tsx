import { Markdown } from '../../components/Markdown';
import { useWords } from '../../components/words';
import { METHOD_VERSION } from '../../lib/footprint/version';
// The document itself, bundled at build time: the page reads no file and makes no request.
import methodology from '../../METHODOLOGY.md?raw';

/** How Frugal estimates, as written in METHODOLOGY.md (in English), under the section's heading. */
export function Methodology() {
  const { t, language } = useWords();
  return (
    <article class="stack methodology" lang="en" aria-label={t('dashboard.sections.methodology')} data-method={METHOD_VERSION}>
      {language !== 'en' && (
        <p class="muted" lang={language}>
          {t('dashboard.methodologyNote')}
        </p>
      )}
      <Markdown source={methodology} shift={2} />
    </article>
  );
}
