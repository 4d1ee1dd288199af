import { mount } from 'svelte';
import Embed from './Embed.svelte';
import { mountPage } from './lib/state/start-up.svelte.ts';
import './app.css';

mountPage(document.getElementById('embed')!, (target) => mount(Embed, { target }));
