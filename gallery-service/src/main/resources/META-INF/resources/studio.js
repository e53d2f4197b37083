// Atelier studio: the sessions grid and the session page (branch tree, refine, compare, live updates).
// Plain browser JavaScript, no build step and no network beyond this origin.

import { promptForm } from './studio-prompt.js';

const app = document.getElementById('app');
const signOutButton = document.getElementById('signout');
const whoEl = document.getElementById('who');

// ---------------------------------------------------------------- helpers

// Signed in = the gallery set its HttpOnly cookie, which every request here (fetch, <img>, EventSource)
// carries by itself; the key is never kept by this page. A 401 anywhere means: show the sign-in screen.
class SignedOut extends Error {}

async function api(path, options = {}) {
  const response = await fetch(path, { credentials: 'same-origin', ...options });
  if (response.status === 401) {
    showSignIn();
    throw new SignedOut('Signed out: sign in again with your API key.');
  }
  if (signOutButton.hidden) signedIn(sessionStorage.getItem('atelier-workspace'));
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const error = new Error(body && body.detail ? body.detail : `${response.status} ${response.statusText}`);
    error.problem = typeof body === 'object' ? body : {};
    throw error;
  }
  return body;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

// "14:05" today, "27 Nov, 14:05" before
const when = (iso) => {
  if (!iso) return '';
  const d = new Date(iso);
  const time = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return d.toDateString() === new Date().toDateString() ? time : `${d.toLocaleDateString([], { day: 'numeric', month: 'short' })}, ${time}`;
};

// ---------------------------------------------------------------- routing

// The URL says what is shown: #/s/{session}/{step}?compare=parent|original. Selecting a step pushes a
// history entry, so back and forward move between selected steps without reopening the session.
const COMPARE_MODES = ['off', 'parent', 'original'];
let page = null; // the open session page: { sessionId, show(stepId, compare), close() }

function parseHash() {
  const [path, query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  return { parts: path.split('/').filter(Boolean), params: new URLSearchParams(query) };
}

function route() {
  const { parts, params } = parseHash();
  if (parts[0] === 's' && parts[1]) {
    const compare = COMPARE_MODES.includes(params.get('compare')) ? params.get('compare') : 'off';
    if (page && page.sessionId === parts[1]) {
      page.show(parts[2] || null, compare); // back/forward within the session: keep its live connection
      return;
    }
    closePage();
    page = openSession(parts[1], parts[2] || null, compare);
  } else {
    closePage();
    showSessions();
  }
}

// ---------------------------------------------------------------- sign-in


function signedIn(workspaceId) {
  if (workspaceId) sessionStorage.setItem('atelier-workspace', workspaceId); // a name, not a secret
  whoEl.textContent = workspaceId ? `workspace ${workspaceId}` : '';
  signOutButton.hidden = false;
}

function showSignIn(problem = '') {
  closePage();
  signOutButton.hidden = true;
  whoEl.textContent = '';
  const key = el('input', { type: 'password', id: 'api-key', name: 'api-key', autocomplete: 'off', required: true,
    placeholder: 'atk_…', spellcheck: 'false', 'aria-describedby': 'key-help' });
  const message = el('p', { role: 'alert', class: 'error', text: problem });
  const form = el('form', { class: 'signin', onsubmit: async (e) => {
    e.preventDefault();
    message.textContent = '';
    const response = await fetch('/api/signin', { method: 'POST', credentials: 'same-origin',
      headers: { Authorization: `Bearer ${key.value.trim()}` } });
    if (response.ok) {
      const who = await response.json();
      signedIn(who.workspaceId);
      key.value = '';
      route();
    } else {
      message.textContent = response.status === 401 ? 'That key is not valid (mistyped, revoked or unknown).'
        : `Signing in failed: ${response.status} ${response.statusText}`;
      key.focus();
    }
  } },
  el('label', { for: 'api-key', text: 'API key' }), key, el('button', { type: 'submit', text: 'Sign in' }), message);
  app.replaceChildren(el('h1', { text: 'Sign in' }),
    el('p', { id: 'key-help', class: 'hint', text: 'Paste the API key that ./atelier up printed (it is kept in .atelier/api-key); '
      + 'another workspace\'s key: ./atelier keys create --workspace <id>. The studio keeps you signed in with a cookie it cannot read.' }),
    form);
  key.focus();
}

signOutButton.addEventListener('click', async () => {
  await fetch('/api/signout', { method: 'POST', credentials: 'same-origin' });
  sessionStorage.removeItem('atelier-workspace');
  showSignIn();
});

function closePage() {
  if (page) page.close();
  page = null;
}
window.addEventListener('hashchange', route);

// ---------------------------------------------------------------- sessions page

async function showSessions() {
  const progress = el('progress', { max: 100, value: 0, hidden: true, 'aria-label': 'Upload progress' });
  const message = el('p', { role: 'alert', class: 'error' });
  const input = el('input', { type: 'file', accept: 'image/png,image/jpeg,image/webp', id: 'photo', onchange: () => input.files[0] && upload(input.files[0]) });
  const drop = el('label', { class: 'drop', for: 'photo' },
    el('strong', { text: 'New session: ' }), 'drop a photo (PNG, JPEG or WebP) here, or choose one ', input, progress, message);
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer.files[0]) upload(e.dataTransfer.files[0]);
  });
  const grid = el('ul', { class: 'grid', 'aria-label': 'Sessions, newest first' });
  const fromPrompt = promptForm({ signedOut: () => showSignIn(),
    opened: async (id) => { await untilProjected(id); location.hash = `#/s/${id}`; } });
  app.replaceChildren(el('h1', { text: 'Sessions' }), drop, fromPrompt, grid);
  document.dispatchEvent(new CustomEvent('atelier:sessions', { detail: { app } })); // the brand kit panel (studio-kit.js)

  async function upload(file) {
    message.textContent = '';
    if (['image/heic', 'image/heif', 'image/avif'].includes(file.type)) {
      message.textContent = `“${file.name}” is HEIC/AVIF, which Atelier cannot read yet: export it as JPEG (on a phone: Settings › Camera › Formats › Most Compatible) and drop that.`;
      return;
    }
    if (!['image/png', 'image/jpeg', 'image/webp'].includes(file.type)) {
      message.textContent = `“${file.name}” is not a PNG, JPEG or WebP photo.`;
      return;
    }
    // Checked here first, so a person hears at once (before the upload) why a photo will not do.
    try {
      const bitmap = await createImageBitmap(file);
      const { width, height } = bitmap;
      bitmap.close();
      if (width > 16384 || height > 16384 || width * height > 50_000_000) {
        message.textContent = `“${file.name}” is ${width} × ${height}: the limit is 16,384 pixels a side and 50 megapixels.`;
        return;
      }
    } catch (unreadable) {
      message.textContent = `“${file.name}” cannot be read as an image (it may be damaged or incomplete).`;
      return;
    }
    try {
      const title = file.name.replace(/\.[^.]+$/, '');
      progress.hidden = false;
      // one command opens the session with its photo: a photo the server refuses leaves no empty session behind
      const session = await sendPhoto('/api/sessions', { title }, file, progress);
      await untilProjected(session.sessionId);
      location.hash = `#/s/${session.sessionId}`;
    } catch (error) {
      progress.hidden = true;
      message.textContent = `The photo was not accepted: ${error.message}`;
    }
  }

  try {
    const sessions = await api('/api/sessions');
    if (sessions.length === 0) grid.append(el('li', { class: 'hint', text: 'No sessions yet.' }));
    for (const s of sessions) {
      const picture = s.thumbnailUrl ? el('img', { src: s.thumbnailUrl, alt: s.title, loading: 'lazy' }) : el('div', { class: 'empty' });
      grid.append(el('li', {}, el('a', { href: `#/s/${s.sessionId}` }, picture,
        el('span', { class: 'caption' }, el('strong', { text: s.title }), el('time', { text: when(s.updatedAt || s.createdAt) })))));
    }
  } catch (error) {
    grid.append(el('li', { class: 'error', text: `Sessions could not be loaded: ${error.message}` }));
  }
}

// The session page reads the gallery, which learns of a new session from the log a moment after
// session-service answered: wait (briefly) until it knows the session, so the page does not open on a 404.
async function untilProjected(sessionId) {
  for (let waited = 0; waited < 15000; waited += 200) {
    const response = await fetch(`/api/sessions/${sessionId}`); // the studio cookie goes along (same origin)
    if (response.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// Multipart upload with progress (fetch cannot report upload progress).
function sendPhoto(path, fields, file, progress) {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('image', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) progress.value = Math.round(100 * e.loaded / e.total); };
    xhr.onload = () => {
      let body = {};
      try { body = JSON.parse(xhr.responseText); } catch (ignored) { /* not JSON */ }
      if (xhr.status === 401) { showSignIn(); reject(new SignedOut('Signed out.')); return; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new Error(body.detail || `${xhr.status} ${xhr.statusText}`));
    };
    xhr.onerror = () => reject(new Error('the network failed'));
    xhr.send(form);
  });
}

// ---------------------------------------------------------------- session page

const STATUS_WORDS = { rendered: 'rendered', pending: 'rendering', failed: 'failed', cancelled: 'cancelled' };
const ZOOM_STEPS = [0.25, 0.5, 1, 2, 4, 8];

// Idempotency keys: crypto.randomUUID exists only on https or localhost; the studio may be served on a LAN.
function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// How the render found the subject, in words (the API gives the method's identifier, e.g. "grabcut-centre-prior/1").
function subjectPhrase(method) {
  if (!method || method === 'none') return '';
  if (method.startsWith('grabcut')) return 'subject found by a quick classical estimate';
  if (method.startsWith('isnet')) return 'subject found by the IS-Net segmentation model';
  return 'subject found by another method';
}

// The session page is built once and then updated in place: a live update must not move the keyboard
// focus, the typed draft or the scroll position, so the form and the panels are never replaced.
function openSession(sessionId, wanted, compare) {
  const state = {
    tree: null, lastEvent: null,
    selected: wanted, compare, split: 50, zoom: 'fit',
    provisional: null, // a step session-service accepted that the gallery has not shown yet
    sending: false, // one request in flight: a second Enter or a double click must not make a second step
    draftKey: null, // { fingerprint, key }: kept until the draft is accepted, so a retry reuses its Idempotency-Key
    notice: null, // { text, error } under the instruction box
    keyWalk: false, // the last selection came from arrow keys (a walk through the tree adds one history entry)
    treeShown: '', stageShown: '', // what is on screen, so an update that changes nothing rebuilds nothing
    advice: null, // the coach on the last instruction sent: { items, refused, chain, done }
  };
  const title = el('h1');
  const treeHost = el('div');
  const panel = el('nav', { class: 'tree-panel', 'aria-label': 'Branch tree' }, title, treeHost);
  const labelOf = (step) => step.name || step.instruction || 'Original photo';
  const heading = el('h2');
  const meta = el('p', { class: 'meta' });
  const viewer = el('div', { class: 'viewer' });
  const below = el('div'); // view, compare and download controls, the plan
  const form = refineForm();
  const adviceEl = el('section', { class: 'advice', id: 'advice', 'aria-live': 'polite', 'aria-label': 'Coach', hidden: true });
  const actions = el('div', { class: 'controls step-actions', role: 'group', 'aria-label': 'This step' });
  const stageEl = el('section', { class: 'stage', 'aria-label': 'Selected step' }, heading, meta, viewer, form.node, adviceEl, actions, below);
  const sessionActions = el('div', { class: 'controls session-actions' },
    el('button', { type: 'button', id: 'rename-session', onclick: () => renameSession() }, 'Rename session'),
    el('button', { type: 'button', id: 'delete-session', class: 'danger', onclick: () => deleteSession() }, 'Delete session'));
  const layout = el('div', { class: 'session' }, panel, stageEl);
  app.replaceChildren(el('p', { class: 'hint', text: 'Loading the session…' }));

  const events = new EventSource(`/api/sessions/${sessionId}/events`);
  events.onmessage = (event) => {
    if (event.data === state.lastEvent) return; // a keep-alive with nothing new: leave the page alone
    state.lastEvent = event.data;
    state.tree = JSON.parse(event.data);
    if (state.provisional && byId(state.provisional.stepId)) state.provisional = null;
    if (!state.selected || !stepFor(state.selected)) {
      state.selected = state.tree.rootStepId; // no step asked for, or one this session does not have
      if (state.selected) writeUrl(false);
    }
    if (!layout.isConnected) app.replaceChildren(layout);
    render();
  };
  events.onerror = async () => {
    if (!state.tree) {
      events.close();
      // EventSource does not say why: a cheap read tells "signed out" (its 401 shows the sign-in screen) from "no such session"
      try { await api('/api/sessions?limit=1'); } catch (signedOut) { return; }
      app.replaceChildren(el('p', { class: 'error', text: 'This session could not be opened: there is no such session in this workspace.' }),
        el('a', { href: '#/' }, 'Back to sessions'));
    }
  };

  const byId = (id) => state.tree && state.tree.steps.find((s) => s.stepId === id);
  const stepFor = (id) => byId(id) || (state.provisional && state.provisional.stepId === id ? state.provisional : null);
  const pathTo = (id) => {
    const path = [];
    for (let s = stepFor(id); s; s = byId(s.parentStepId)) path.unshift(s.stepId);
    return path;
  };
  // the picture to keep showing while a step has none yet: its nearest ancestor's
  const shownImageOf = (step) => {
    for (let s = step; s; s = byId(s.parentStepId)) if (s.image) return s;
    return null;
  };

  // ------------------------------------------------------------ selection and the URL

  function writeUrl(push) {
    const query = state.compare !== 'off' ? `?compare=${state.compare}` : '';
    const url = `${location.search}#/s/${sessionId}/${state.selected}${query}`;
    if (url === location.search + location.hash) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  // focus: 'box' (the next thing to do is usually typing) or 'node' (walking the tree by keys)
  function select(id, { push = true, focus = null, reveal = false } = {}) {
    state.selected = id;
    writeUrl(push);
    render({ focus, reveal });
  }

  // back/forward (or an edited URL) within this session
  function show(stepId, mode) {
    state.compare = mode;
    state.selected = stepId && stepFor(stepId) ? stepId : state.tree?.rootStepId || stepId;
    render({ reveal: true });
  }

  // ------------------------------------------------------------ rendering

  function render({ focus = null, reveal = false } = {}) {
    if (!state.tree) return;
    title.textContent = state.tree.title;
    if (!sessionActions.isConnected) title.after(sessionActions);
    const active = document.activeElement;
    const focusedId = active && active !== form.input && app.contains(active) ? active.id : null;
    renderTree();
    renderStage();
    updateForm();
    renderAdvice();
    renderActions();
    // a control that was rebuilt under the focus gets it back, so keyboard users keep their place
    const again = focusedId && document.getElementById(focusedId);
    if (focus === 'node') document.getElementById(`node-${state.selected}`)?.focus();
    else if (focus === 'box') form.input.focus({ preventScroll: true });
    else if (again && again !== document.activeElement) again.focus({ preventScroll: true });
    if (reveal) revealSelected();
  }

  function renderTree() {
    const signature = JSON.stringify([state.tree.steps, state.provisional, state.selected]);
    if (signature === state.treeShown) return;
    state.treeShown = signature;
    const scroll = panel.scrollTop;
    const onPath = new Set(pathTo(state.selected));
    treeHost.replaceChildren(state.tree.rootStepId
      ? el('ul', { role: 'tree', 'aria-label': 'Steps' }, node(byId(state.tree.rootStepId), onPath))
      : el('p', { class: 'hint', text: 'No photo yet: upload one from the sessions page.' }));
    panel.scrollTop = scroll; // a live update keeps the tree where the reader left it
  }

  // Scrolls only the tree panel: on a phone the panel does not scroll, and moving the whole page down
  // to the tree would push the photo off the screen.
  function revealSelected() {
    const row = document.querySelector(`#node-${CSS.escape(state.selected)} > .node`);
    if (!row || panel.scrollHeight <= panel.clientHeight) return;
    const box = panel.getBoundingClientRect();
    const at = row.getBoundingClientRect();
    if (at.top < box.top) panel.scrollTop -= box.top - at.top + 8;
    else if (at.bottom > box.bottom) panel.scrollTop += at.bottom - box.bottom + 8;
  }

  function node(step, onPath) {
    const id = step.stepId;
    const selected = id === state.selected;
    const label = labelOf(step);
    const time = when(step.finishedAt || step.requestedAt);
    const word = STATUS_WORDS[step.status] || step.status;
    const tooltip = [label, `${word}${time ? ` · ${time}` : ''}`, step.failure ? step.failure.reason : null].filter(Boolean).join('\n');
    const picture = step.thumbnailUrl ? el('img', { src: step.thumbnailUrl, alt: '' })
      : el('div', { class: 'placeholder', 'aria-hidden': 'true' });
    const children = [...step.childStepIds.map(byId).filter(Boolean)];
    if (state.provisional && state.provisional.parentStepId === id) children.push(state.provisional);
    const item = el('li', {
      role: 'treeitem', id: `node-${id}`, tabindex: selected ? 0 : -1, 'aria-selected': selected ? 'true' : 'false',
      'aria-expanded': children.length ? 'true' : null, 'aria-label': `${label}, ${word}`,
      class: onPath.has(id) ? 'on-path' : null, 'data-status': step.status, 'data-instruction': step.instruction || 'Original photo',
      onkeydown: (e) => keys(e, id),
    }, el('div', { class: 'node', title: tooltip, onclick: (e) => { e.stopPropagation(); clicked(id); } },
      picture,
      el('span', { class: 'text' },
        el('span', { class: 'instruction', text: label }),
        el('span', { class: 'line' }, el('span', { class: `status ${step.status}`, text: word }), el('time', { text: time })))));
    if (children.length) item.append(el('ul', { role: 'group' }, children.map((c) => node(c, onPath))));
    return item;
  }

  // A click selects; the next thing to do is usually typing, except on a touch screen, where focusing
  // the box would pop up the keyboard over the photo. In the one-column layout the photo is above the
  // tree: bring it back into view.
  function clicked(id) {
    state.keyWalk = false;
    select(id, { focus: matchMedia('(pointer: coarse)').matches ? null : 'box' });
    if (matchMedia('(max-width: 900px)').matches && stageEl.getBoundingClientRect().top < 0) stageEl.scrollIntoView({ block: 'start' });
  }

  // Tree keys: up/down through visible steps, left to the parent, right to the first child, Home/End;
  // Enter or space goes to the instruction box.
  function keys(event, id) {
    const order = [...app.querySelectorAll('[role=treeitem]')].map((n) => n.id.slice(5));
    const i = order.indexOf(id);
    const step = stepFor(id);
    let next = null;
    switch (event.key) {
      case 'ArrowDown': next = order[i + 1]; break;
      case 'ArrowUp': next = order[i - 1]; break;
      case 'ArrowLeft': next = step.parentStepId; break;
      case 'ArrowRight': next = step.childStepIds[0]; break;
      case 'Home': next = order[0]; break;
      case 'End': next = order[order.length - 1]; break;
      case 'Enter': case ' ': form.input.focus(); event.preventDefault(); return;
      default: return;
    }
    event.preventDefault();
    event.stopPropagation();
    if (!next) return;
    const push = !state.keyWalk;
    state.keyWalk = true;
    select(next, { push, focus: 'node' });
  }

  function renderStage() {
    const step = stepFor(state.selected);
    const parent = step && byId(step.parentStepId);
    const root = byId(state.tree.rootStepId);
    const shown = shownImageOf(step);
    const signature = JSON.stringify([step, parent?.image, root?.image, shown?.image, state.compare, state.zoom]);
    if (signature === state.stageShown) return;
    state.stageShown = signature;
    if (!step) {
      heading.textContent = '';
      meta.replaceChildren();
      viewer.replaceChildren();
      below.replaceChildren();
      return;
    }
    heading.textContent = labelOf(step);
    if (step.name && step.instruction) heading.title = `Instruction: ${step.instruction}`;
    else heading.removeAttribute('title');
    const subject = subjectPhrase(step.subjectMethod);
    meta.replaceChildren(el('span', { class: `status ${step.status}`, text: STATUS_WORDS[step.status] || step.status }),
      step.durationMillis ? ` · rendered in ${(step.durationMillis / 1000).toFixed(1)} s` : '',
      subject ? el('span', { text: ` · ${subject}` }) : '');

    const against = state.compare === 'parent' ? parent : state.compare === 'original' && root !== step ? root : null;
    viewer.className = 'viewer';
    if (step.status === 'pending') viewer.replaceChildren(...renderingView(shown));
    else if (step.status === 'failed') viewer.replaceChildren(failureView(step));
    else if (against && against.image && step.image) viewer.replaceChildren(compareView(against, step));
    else if (step.image) {
      viewer.classList.toggle('zoomed', state.zoom !== 'fit');
      viewer.replaceChildren(picture(step));
    } else viewer.replaceChildren();

    below.replaceChildren();
    if (step.image) {
      if (!(against && against.image)) below.append(zoomControls(step));
      below.append(el('div', { class: 'controls', role: 'group', 'aria-label': 'Compare' },
        el('span', { text: 'Compare:' }),
        toggle('off', 'Off'), parent && parent.image ? toggle('parent', 'With parent') : null,
        root && root.image && root.stepId !== step.stepId ? toggle('original', 'With original') : null),
      downloads(step));
    }
    if (step.plan && step.plan.operations) {
      // the engine's own sentences when the plan has them (engine 0.2+), else the operations' parameters
      const lines = step.plan.whatIDid || step.plan.operations.map(describe);
      below.append(el('h3', { text: 'What I did' }), el('ol', { class: 'plan' }, lines.map((line) => el('li', { text: line }))));
    }
    if (step.generated) below.append(generatedView(step));
    if (step.drift && step.drift.againstOriginal) below.append(driftView(step));
    // brand kit and presets (studio-kit.js) add their controls under the picture
    document.dispatchEvent(new CustomEvent('atelier:stage', { detail: { sessionId, step, below, input: form.input } }));
  }

  // A step painted by a generative engine: who painted it, how much of the frame is new, and the committed
  // mask (white = new content; every other pixel is the parent's), shown on request.
  function generatedView(step) {
    const g = step.generated;
    const share = typeof g.committedFraction === 'number' ? ` · ${(g.committedFraction * 100).toFixed(1)}% of the frame is new` : '';
    const mask = el('img', { src: g.maskUrl, alt: 'Where new content was committed (white)', class: 'mask', hidden: true });
    const toggleMask = el('button', { type: 'button', text: 'Show what changed', onclick: () => {
      mask.hidden = !mask.hidden;
      toggleMask.textContent = mask.hidden ? 'Show what changed' : 'Hide what changed';
    } });
    return el('section', { class: 'generated', 'aria-label': 'Generated content' },
      el('h3', { text: 'New content' }),
      el('p', { text: `Painted by ${g.provider}${g.model ? ` (${g.model})` : ''}${share}.` }),
      g.revisedPrompt ? el('p', { class: 'hint', text: `The provider read the request as: “${g.revisedPrompt}”` }) : null,
      g.requestId ? el('p', { class: 'hint', text: `Provider request ${g.requestId}` }) : null,
      el('p', {}, toggleMask), mask);
  }

  // The drift meter (docs/drift.md): how far this step is from the original and from its parent, and,
  // once the branch has drifted too far, the step to go back to.
  function driftView(step) {
    const o = step.drift.againstOriginal;
    const p = step.drift.againstParent;
    const box = el('section', { class: 'drift', 'aria-label': 'Drift' },
      el('h3', { text: 'Drift from the original' }),
      el('p', { class: 'drift-line' },
        el('meter', { min: 0, max: 100, low: 35, high: 50, optimum: 0, value: o.score, 'aria-label': `drift ${o.score} of 100` }),
        ` ${Math.round(o.score)}/100 · ${driftWords(o)}`),
      p && step.parentStepId ? el('p', { class: 'hint', text: `This step alone: ${Math.round(p.score)}/100 · ${driftWords(p)}` }) : null);
    const back = step.driftReturnTo && byId(step.driftReturnTo);
    if (back) {
      box.append(el('p', { class: 'drift-warning', role: 'note' },
        `This branch has drifted far from the original since “${back.instruction || 'the original photo'}”. `,
        el('button', { type: 'button', text: 'Go back to that step', onclick: () => select(back.stepId, { focus: 'box' }) })));
    }
    return box;
  }

  function driftWords(d) {
    const words = [];
    if (Math.abs(d.temperatureShiftKelvin) >= 100) words.push(`${d.temperatureShiftKelvin < 0 ? 'warmer' : 'cooler'} by ${Math.abs(d.temperatureShiftKelvin)} K`);
    if (Math.abs(d.exposureShiftStops) >= 0.1) words.push(`${d.exposureShiftStops > 0 ? 'brighter' : 'darker'} by ${Math.abs(d.exposureShiftStops).toFixed(1)} stops`);
    if (d.reframed) words.push(d.aligned ? 'cropped' : 'reframed');
    if (d.aligned && d.ssim < 0.9) words.push(`structure ${Math.round(d.ssim * 100)}% the same`);
    if (d.histogramDistance >= 0.2) words.push(`colours ${Math.round(d.histogramDistance * 100)}% different`);
    return words.length ? words.join(' · ') : 'close';
  }

  // While a step renders, its parent's picture stays (dimmed) under the progress, so the page does not jump.
  function renderingView(shown) {
    const progress = el('div', { class: 'rendering', role: 'status' },
      el('p', { text: state.provisional && state.provisional.stepId === state.selected
        ? 'Sent. Waiting for a render worker…' : 'Rendering… the new picture replaces this one when it is ready.' }),
      el('progress', { 'aria-label': 'Rendering' }));
    if (!shown) return [progress];
    return [el('img', { class: 'fit dimmed', src: display(shown), alt: `Before this step: ${shown.instruction || 'original photo'}`,
      style: `--ar: ${shown.image.width / shown.image.height}` }), progress];
  }

  // What the studio shows: the display-sized preview (a 24 MP PNG is tens of MB); the full image is fetched only for
  // downloads and for zoom at 100% or more, where its pixels are what is asked for.
  function display(step) {
    return step.previewUrl || step.image.url;
  }

  // Fit (the default) scales the picture to the viewer, small photos up too; a number is a zoom of its pixels.
  function picture(step) {
    const { width, height } = step.image;
    const zoomed = state.zoom !== 'fit';
    return el('img', { id: 'selected-image', src: zoomed && state.zoom >= 1 ? step.image.url : display(step), alt: step.instruction || 'Original photo', draggable: 'false',
      class: zoomed ? (state.zoom >= 2 ? 'pixels' : null) : 'fit',
      style: zoomed ? `width: ${Math.round(width * state.zoom)}px; height: ${Math.round(height * state.zoom)}px` : `--ar: ${width / height}` });
  }

  function zoomControls(step) {
    const current = () => {
      if (state.zoom !== 'fit') return state.zoom;
      const image = document.getElementById('selected-image');
      return image && image.clientWidth ? image.clientWidth / step.image.width : 1;
    };
    const zoomTo = (zoom) => { state.zoom = zoom; render(); };
    const percent = (z) => `${Math.round(z * 100)}%`;
    return el('div', { class: 'controls', role: 'group', 'aria-label': 'View' },
      el('span', { text: 'View:' }),
      el('button', { type: 'button', id: 'zoom-fit', 'aria-pressed': String(state.zoom === 'fit'), onclick: () => zoomTo('fit') }, 'Fit'),
      el('button', { type: 'button', id: 'zoom-100', 'aria-pressed': String(state.zoom === 1), onclick: () => zoomTo(1) }, '100%'),
      el('button', { type: 'button', id: 'zoom-out', 'aria-label': 'Zoom out',
        onclick: () => zoomTo(ZOOM_STEPS.filter((z) => z < current() - 0.001).pop() || ZOOM_STEPS[0]) }, '−'),
      el('button', { type: 'button', id: 'zoom-in', 'aria-label': 'Zoom in',
        onclick: () => zoomTo(ZOOM_STEPS.find((z) => z > current() + 0.001) || ZOOM_STEPS[ZOOM_STEPS.length - 1]) }, '+'),
      el('span', { class: 'hint', id: 'zoom-level', text: state.zoom === 'fit' ? `fit · ${step.image.width} × ${step.image.height}` : percent(state.zoom) }));
  }

  function failureView(step) {
    const parent = byId(step.parentStepId);
    return el('div', { class: 'failure', role: 'status' },
      el('p', {}, el('strong', { text: 'Not rendered: ' }), step.failure ? step.failure.reason : 'the render failed.'),
      step.failure && step.failure.hint ? el('p', { text: step.failure.hint }) : null,
      parent ? el('div', { class: 'controls' },
        el('button', { type: 'button', id: 'retry-step', class: 'primary', onclick: () => send(parent.stepId, step.instruction, false) }, 'Retry'),
        el('button', { type: 'button', id: 'edit-step', onclick: () => editAndResend(step) }, 'Edit and resend'),
        el('button', { type: 'button', id: 'to-parent', onclick: () => select(parent.stepId, { focus: 'box' }) }, 'Go to parent')) : null);
  }

  // The failed instruction goes back into the box, to be sent from the same parent once reworded.
  function editAndResend(step) {
    select(step.parentStepId, { focus: 'box' });
    form.input.value = step.instruction;
    form.input.setSelectionRange(0, step.instruction.length);
  }

  function toggle(mode, label) {
    return el('button', { type: 'button', 'aria-pressed': String(state.compare === mode), id: `compare-${mode}`,
      onclick: () => { state.compare = mode; writeUrl(false); render(); } }, label);
  }

  // A wipe needs both pictures to show the same scene at the same place. After a crop the render's drift
  // measure says where the crop lay in the picture it is compared with (drift.window: x, y, width, height as
  // fractions): the wipe then lays that region of the "before" picture under the crop, aligned. A new frame
  // that was not found there (a reframe that adds content) is shown side by side at the same height instead.
  function compareView(before, after) {
    const ratio = (s) => s.image.width / s.image.height;
    if (Math.abs(ratio(before) / ratio(after) - 1) < 0.01) return wipe(before, after);
    const measured = !after.drift ? null : before.stepId === after.parentStepId ? after.drift.againstParent
      : before.stepId === state.tree.rootStepId ? after.drift.againstOriginal : null;
    const region = measured && Array.isArray(measured.window) && measured.window.length === 4 ? measured.window : null;
    return region ? wipe(before, after, region) : sideBySide(before, after);
  }

  function sideBySide(before, after) {
    const ratio = (s) => s.image.width / s.image.height;
    const figure = (step, role) => el('figure', { style: `flex: ${ratio(step)} 1 0` },
      el('img', { class: role, src: display(step), style: `aspect-ratio: ${ratio(step)}`,
        alt: `${role === 'before' ? 'Before' : 'After'}: ${step.instruction || 'original photo'}` }),
      el('figcaption', { text: `${role === 'before' ? 'Before' : 'After'} · ${step.image.width} × ${step.image.height}` }));
    return el('div', { class: 'compare side-by-side', style: `--sum: ${ratio(before) + ratio(after)}` },
      figure(before, 'before'), figure(after, 'after'));
  }

  // Before/after of the same shape: the "before" picture lies over the left part; dragging on the
  // picture or the slider (arrow keys too) moves the cut. The slider is exactly as wide as the picture.
  function wipe(before, after, region = null) {
    const beforeImage = el('img', { class: 'before', src: display(before), draggable: 'false', alt: `Before: ${before.instruction || 'original photo'}` });
    let over = beforeImage;
    if (region) {
      // the whole "before" picture, scaled and shifted so its cropped region fills the frame; the rest is cut off
      const [x, y, w, h] = region;
      beforeImage.style.cssText = `left: ${(-100 * x) / w}%; top: ${(-100 * y) / h}%; width: ${100 / w}%; height: ${100 / h}%`;
      over = el('div', { class: 'before-crop' }, beforeImage);
    }
    const divider = el('div', { class: 'divider' });
    const slider = el('input', { type: 'range', min: 0, max: 100, value: state.split, id: 'compare-slider',
      'aria-label': `Compare with ${before.instruction || 'the original'}: left of the line is before, right is after`,
      oninput: (e) => setSplit(Number(e.target.value)) });
    const setSplit = (split) => {
      state.split = Math.min(100, Math.max(0, Math.round(split)));
      over.style.clipPath = `inset(0 ${100 - state.split}% 0 0)`;
      divider.style.left = `${state.split}%`;
      slider.value = state.split;
    };
    const frame = el('div', { class: 'compare wipe', 'data-aligned': region ? 'crop' : null },
      el('img', { class: 'after', src: display(after), draggable: 'false', alt: `After: ${after.instruction || 'original'}` }), over, divider);
    const follow = (e) => {
      const box = frame.getBoundingClientRect();
      setSplit(100 * (e.clientX - box.left) / box.width);
    };
    frame.addEventListener('pointerdown', (e) => { frame.setPointerCapture(e.pointerId); follow(e); e.preventDefault(); });
    frame.addEventListener('pointermove', (e) => { if (frame.hasPointerCapture(e.pointerId)) follow(e); });
    setSplit(state.split);
    return el('div', { class: 'compare-wrap', style: `--ar: ${after.image.width / after.image.height}` }, frame, slider);
  }

  function downloads(step) {
    const quality = el('select', { id: 'jpeg-quality', 'aria-label': 'JPEG quality' },
      [95, 90, 80, 70].map((q) => el('option', { value: q, text: `${q}%`, selected: q === 90 })));
    const name = `atelier-${step.stepId.slice(0, 8)}`;
    return el('div', { class: 'controls' },
      el('a', { href: step.image.url, download: `${name}.png`, class: 'button' }, 'Download PNG'),
      el('button', { type: 'button', onclick: () => jpeg(step, Number(quality.value) / 100, name) }, 'Download JPEG'), quality);
  }

  async function jpeg(step, quality, name) {
    const image = new Image();
    image.src = step.image.url;
    await image.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width: image.naturalWidth, height: image.naturalHeight });
    canvas.getContext('2d').drawImage(image, 0, 0);
    canvas.toBlob((blob) => {
      const link = el('a', { href: URL.createObjectURL(blob), download: `${name}.jpg` });
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    }, 'image/jpeg', quality);
  }

  // ------------------------------------------------------------ the instruction box

  // Built once: the input is never replaced or disabled, so it keeps the focus and the draft across updates.
  function refineForm() {
    const input = el('input', { type: 'text', id: 'instruction', maxlength: 2000, autocomplete: 'off', 'aria-describedby': 'refine-help' });
    const button = el('button', { type: 'submit', class: 'primary', id: 'send' }, 'Send');
    const help = el('p', { id: 'refine-help', class: 'hint' });
    const node = el('form', { class: 'refine', onsubmit: (e) => { e.preventDefault(); submit(); } },
      el('label', { for: 'instruction', class: 'visually-hidden', text: 'Refine the selected step' }), input, button, help);
    return { node, input, button, help };
  }

  // The step a sent instruction refines: the selected one, or a failed step's parent (a failed step has no picture).
  function sendTarget(step) {
    if (!step) return null;
    if (step.status === 'rendered' && step.image) return step;
    if (step.status === 'failed' || step.status === 'cancelled') return byId(step.parentStepId) || null;
    return null;
  }

  function updateForm() {
    const step = stepFor(state.selected);
    const target = sendTarget(step);
    form.button.disabled = state.sending || !target;
    form.input.placeholder = !step ? '' : step.status === 'pending'
      ? 'Type the next change; send it once this picture arrives'
      : target === step ? 'One change, e.g. “warm the light slightly”'
        : 'One change to the step before this failed one';
    if (state.notice && !state.notice.error && target) state.notice = null; // "still rendering" is over
    let text = 'Enter sends; every change becomes a step you can come back to.';
    if (state.notice) text = state.notice.text;
    else if (state.sending) text = 'Sending…';
    else if (target && target !== step) text = 'This step failed: what you send refines the step before it.';
    else if (target && target.childStepIds.length) text = 'Sending from here starts a new branch beside the existing ones.';
    form.help.textContent = text;
    form.help.className = state.notice && state.notice.error ? 'error' : 'hint';
  }

  function submit() {
    if (state.sending) return;
    const instruction = form.input.value.trim();
    if (!instruction) return;
    const target = sendTarget(stepFor(state.selected));
    if (!target) {
      state.notice = { text: 'This step is still rendering; your instruction is kept: press Enter again once its picture arrives.', error: false };
      updateForm();
      return;
    }
    send(target.stepId, instruction, true);
  }

  async function send(parentId, instruction, fromBox, part = null) {
    if (state.sending) return;
    const fingerprint = `${parentId}\n${instruction}`;
    if (!state.draftKey || state.draftKey.fingerprint !== fingerprint) state.draftKey = { fingerprint, key: newKey() };
    state.sending = true;
    state.notice = null;
    updateForm();
    try {
      const accepted = await api(`/api/sessions/${sessionId}/steps`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': state.draftKey.key },
        body: JSON.stringify({ parentStepId: parentId, instruction }) });
      state.draftKey = null;
      state.sending = false;
      if (fromBox && form.input.value.trim() === instruction) form.input.value = ''; // unless the next one is being typed
      if (part && state.advice) {
        // a part of a split: the next part refines this one's picture
        state.advice.chain = accepted.stepId;
        state.advice.done.push(part);
      } else {
        state.advice = accepted.advice && accepted.advice.length
          ? { items: accepted.advice, refused: false, chain: parentId, done: [] } : null;
      }
      if (!byId(accepted.stepId)) {
        state.provisional = { stepId: accepted.stepId, parentStepId: parentId, childStepIds: [], instruction, status: 'pending',
          requestedAt: new Date().toISOString() };
      }
      state.keyWalk = false;
      select(accepted.stepId, { focus: 'box', reveal: true });
    } catch (error) {
      // the draft and its key stay: sending again is a retry the server recognises, never a second step
      state.sending = false;
      const advice = error.problem && Array.isArray(error.problem.advice) ? error.problem.advice : null;
      if (advice) {
        // the coach refused: nothing in it names a change. Advice, with concrete changes to pick from.
        state.advice = { items: advice, refused: true, chain: parentId, done: [] };
        state.notice = { text: 'Not sent: that says how the picture feels, not what to change. Pick a change below or describe one.', error: false };
      } else {
        state.notice = { text: `Not sent: ${error.message}. Press Enter or Send to try again.`, error: true };
      }
      updateForm();
      renderAdvice();
    }
  }

  // ------------------------------------------------------------ the coach

  // The coach's advice on the last instruction: a split offered as one-click steps (each part refines the
  // previous part's picture once it has arrived), concrete changes to pick from, or a way back.
  function renderAdvice() {
    const advice = state.advice;
    adviceEl.hidden = !advice;
    if (!advice) { adviceEl.replaceChildren(); adviceEl.dataset.shown = ''; return; }
    const chainStep = byId(advice.chain);
    const ready = !state.sending && chainStep && chainStep.status === 'rendered';
    const signature = JSON.stringify([advice, ready]);
    if (adviceEl.dataset.shown === signature) return;
    adviceEl.dataset.shown = signature;
    const blocks = advice.items.map((item) => {
      const block = el('div', { class: `advice-item ${item.kind}`, 'data-kind': item.kind }, el('p', { text: item.message }));
      if (item.kind === 'split') {
        const next = item.steps.find((p) => !advice.done.includes(p));
        block.append(el('ol', { class: 'split-steps' }, item.steps.map((p, i) => {
          const done = advice.done.includes(p);
          return el('li', {}, el('button', { type: 'button', class: p === next ? 'primary' : null, id: `split-${i}`,
            disabled: done || p !== next || !ready, onclick: () => send(advice.chain, p, false, p) },
          done ? `✓ ${p}` : `Send “${p}”`));
        })));
        // (append would print a null as the word "null")
        if (next && !ready) block.append(el('p', { class: 'hint', text: 'The next part waits for the picture before it.' }));
      } else if (item.steps.length) {
        block.append(el('div', { class: 'controls' }, el('span', { text: 'Try:' }), item.steps.map((p) =>
          el('button', { type: 'button', class: 'suggestion', onclick: () => {
            form.input.value = p;
            form.input.focus();
          } }, p))));
      } else if (item.kind === 'long-branch' && state.tree.rootStepId) {
        block.append(el('button', { type: 'button', onclick: () => select(state.tree.rootStepId, { focus: 'box' }) }, 'Go to the original'));
      } else if (item.kind === 'layer-order') {
        const parent = byId(advice.chain);
        if (parent && parent.parentStepId) block.append(el('button', { type: 'button', onclick: () => select(parent.parentStepId, { focus: 'box' }) }, 'Go back a step'));
      }
      return block;
    });
    adviceEl.replaceChildren(el('h3', { text: advice.refused ? 'Coach: say what to change' : 'Coach' }), ...blocks,
      el('button', { type: 'button', class: 'dismiss', 'aria-label': 'Dismiss the advice', onclick: () => { state.advice = null; renderAdvice(); } }, 'Dismiss'));
  }

  // ------------------------------------------------------------ rename and delete

  function renderActions() {
    const step = stepFor(state.selected);
    const leaf = step && step.parentStepId && step.childStepIds.length === 0 && step.status !== 'pending';
    const signature = JSON.stringify([step && step.stepId, leaf, step && step.name]);
    if (actions.dataset.shown === signature) return;
    actions.dataset.shown = signature;
    actions.replaceChildren(...(!step || state.provisional?.stepId === step.stepId ? [] : [
      el('button', { type: 'button', id: 'rename-step', onclick: () => renameStep(step) }, 'Rename step'),
      leaf ? el('button', { type: 'button', id: 'delete-step', class: 'danger', onclick: () => deleteStep(step) }, 'Delete step') : null]));
  }

  async function change(path, method, body) {
    try {
      return await api(path, { method, headers: { 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
    } catch (error) {
      state.notice = { text: `Not changed: ${error.message}`, error: true };
      updateForm();
      return null;
    }
  }

  async function renameSession() {
    const wanted = prompt('New title for this session', state.tree.title);
    if (wanted === null) return;
    const done = await change(`/api/sessions/${sessionId}`, 'PATCH', { title: wanted });
    if (done) title.textContent = done.name; // the live update follows once the gallery has projected it
  }

  async function renameStep(step) {
    const name = prompt('Name for this step (empty shows its instruction again)', step.name || step.instruction || 'Original photo');
    if (name === null) return;
    await change(`/api/sessions/${sessionId}/steps/${step.stepId}`, 'PATCH', { name });
  }

  // the session leaves every list; its events (the audit trail) and its stored images stay
  async function deleteSession() {
    if (!confirm(`Delete the session “${state.tree.title}” with all its steps? It leaves your sessions; the audit trail keeps it.`)) return;
    if (await change(`/api/sessions/${sessionId}`, 'DELETE') !== null) location.hash = '#/';
  }

  // deleting is an event: the step leaves the tree; the audit trail keeps it
  async function deleteStep(step) {
    if (!confirm(`Delete the step “${labelOf(step)}”? It leaves the tree; the audit trail keeps it.`)) return;
    const parentId = step.parentStepId;
    if (await change(`/api/sessions/${sessionId}/steps/${step.stepId}`, 'DELETE') !== null) select(parentId, { focus: 'box', push: false });
  }

  return { sessionId, show, close: () => events.close() };
}

// "exposure: stops 0.5 — on the background"
function describe(op) {
  const params = Object.entries(op).filter(([k]) => k !== 'op' && k !== 'region')
    .map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(', ') : v}`).join(', ');
  const region = op.region && op.region.kind !== 'whole'
    ? ` — on the ${op.region.kind === 'side' ? `${op.region.edge} ${Math.round(op.region.extent * 100)}%` : op.region.kind === 'tones' ? op.region.range : op.region.kind}`
    : '';
  return `${op.op.replaceAll('-', ' ')}${params ? `: ${params}` : ''}${region}`;
}

route();
