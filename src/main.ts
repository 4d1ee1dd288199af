import { mount } from 'svelte';
import App from './App.svelte';
import { mountPage } from './lib/state/start-up.svelte.ts';
import './app.css';
import './explorer.css';

mountPage(document.getElementById('app')!, (target) => mount(App, { target }));
