// What the app's modules share: the open scenario and result, the status line.
import { ApiError } from '/api.js';

export const $ = id => document.getElementById(id);
export const state = { scenario: null, dirty: false, valid: true, result: null, run: null, models: [], info: null, jobs: {} };
window.parleyState = state; // for the browser tests

export function status(text, error = false) {
  $('status').textContent = text;
  $('status').className = error ? 'error' : '';
}

export function fail(e) {
  console.error(e);
  status(e instanceof ApiError ? `${e.code}: ${e.message}` : String(e.message || e), true);
}

export function enc(s) { return encodeURIComponent(s); }
