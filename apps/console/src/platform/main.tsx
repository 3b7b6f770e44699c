import { render } from 'preact';
import '../styles/console.css';
import './platform.css';
import { PlatformApp } from './platform-app';

const root = document.getElementById('platform-console');
if (root === null) throw new Error('platform.html has no #platform-console element');
render(<PlatformApp />, root);
