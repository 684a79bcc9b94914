import { render } from 'preact';
import { WeekBySite } from '../../components/WeekBySite';
import { loadWeekBySite } from '../../lib/views/week';
import { openFrugalDb } from '../../lib/store/db';

const root = document.getElementById('app')!;
const locale = navigator.language;

openFrugalDb()
  .then((db) => loadWeekBySite(db, Date.now(), locale))
  .then(
    (week) => render(<WeekBySite week={week} locale={locale} />, root),
    () => render(<WeekBySite week={null} locale={locale} />, root),
  );
