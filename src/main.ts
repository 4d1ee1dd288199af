import { mount } from 'svelte';
import App from './App.svelte';
import { loadDataset } from './lib/data/load.ts';
import { bundledFiles } from './lib/data/bundled.ts';
import { startOver } from './lib/prerender/start.ts';
import { withContext } from './lib/state/start-up.ts';
import './app.css';
import './explorer.css';

startOver(
  document.getElementById('app')!,
  () => loadDataset(bundledFiles).then(withContext),
  (target, preloaded) => mount(App, { target, props: { preloaded } }),
);
