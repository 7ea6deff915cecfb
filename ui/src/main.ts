import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { answered, askEarly } from './lib/startup';

// Marks for `cargo xtask bench`'s start-up timeline (STARTUP_DETAIL=1).
performance.mark('tandem:script');
askEarly();
void answered(400).then(() => {
  mount(App, { target: document.getElementById('app')! });
  performance.mark('tandem:mounted');
});
