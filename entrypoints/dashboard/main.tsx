import { render } from 'preact';
import '../../components/theme.css';

render(<main><h1>Frugal</h1></main>, document.getElementById('app')!);
