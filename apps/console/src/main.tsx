import { render } from 'preact';
import { App } from './app';
import './styles/console.css';

const root = document.getElementById('console');
if (root === null) throw new Error('index.html has no #console element');
render(<App />, root);
