import { mount } from 'svelte';
import Embed from './Embed.svelte';
import { loadDataset } from './lib/data/load.ts';
import { embedFiles } from './lib/data/bundled-embed.ts';
import { startOver } from './lib/prerender/start.ts';
import { withContext } from './lib/state/start-up.ts';
import './app.css';

startOver(
  document.getElementById('embed')!,
  () => loadDataset(embedFiles).then(withContext),
  (target, preloaded) => mount(Embed, { target, props: { preloaded } }),
);
