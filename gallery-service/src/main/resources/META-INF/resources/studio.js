// Atelier studio: the sessions grid and the session page (branch tree, refine, compare, live updates).
// Plain browser JavaScript, no build step and no network beyond this origin.

const app = document.getElementById('app');
const workspace = new URLSearchParams(location.search).get('workspace');
const wsQuery = workspace ? `?workspace=${encodeURIComponent(workspace)}` : '';
let live = null; // the open EventSource of the session page

// ---------------------------------------------------------------- helpers

function headers(extra = {}) {
  return workspace ? { 'X-Atelier-Workspace': workspace, ...extra } : extra;
}

async function api(path, options = {}) {
  const response = await fetch(path, { ...options, headers: headers(options.headers || {}) });
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    throw new Error(body && body.detail ? body.detail : `${response.status} ${response.statusText}`);
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

const withWs = (url) => url + wsQuery;
// "14:05" today, "27 Nov, 14:05" before
const when = (iso) => {
  if (!iso) return '';
  const d = new Date(iso);
  const time = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return d.toDateString() === new Date().toDateString() ? time : `${d.toLocaleDateString([], { day: 'numeric', month: 'short' })}, ${time}`;
};

// ---------------------------------------------------------------- routing

function route() {
  if (live) { live.close(); live = null; }
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 's' && parts[1]) {
    showSession(parts[1], parts[2]);
  } else {
    showSessions();
  }
}
window.addEventListener('hashchange', route);
route();

// ---------------------------------------------------------------- sessions page

async function showSessions() {
  const progress = el('progress', { max: 100, value: 0, hidden: true, 'aria-label': 'Upload progress' });
  const message = el('p', { role: 'alert', class: 'error' });
  const input = el('input', { type: 'file', accept: 'image/png,image/jpeg', id: 'photo', onchange: () => input.files[0] && upload(input.files[0]) });
  const drop = el('label', { class: 'drop', for: 'photo' },
    el('strong', { text: 'New session: ' }), 'drop a photo (PNG or JPEG) here, or choose one ', input, progress, message);
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer.files[0]) upload(e.dataTransfer.files[0]);
  });
  const grid = el('ul', { class: 'grid', 'aria-label': 'Sessions, newest first' });
  app.replaceChildren(el('h1', { text: 'Sessions' }), drop, grid);

  async function upload(file) {
    message.textContent = '';
    if (!['image/png', 'image/jpeg'].includes(file.type)) {
      message.textContent = `“${file.name}” is not a PNG or JPEG photo.`;
      return;
    }
    // Checked here first, so a photo the server would refuse does not leave an empty session behind.
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
      const session = await api('/api/sessions', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ title }) });
      progress.hidden = false;
      await sendPhoto(session.sessionId, file, progress);
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
      const picture = s.thumbnailUrl ? el('img', { src: withWs(s.thumbnailUrl), alt: s.title, loading: 'lazy' }) : el('div', { class: 'empty' });
      grid.append(el('li', {}, el('a', { href: `#/s/${s.sessionId}` }, picture,
        el('span', { class: 'caption' }, el('strong', { text: s.title }), el('time', { text: when(s.updatedAt || s.createdAt) })))));
    }
  } catch (error) {
    grid.append(el('li', { class: 'error', text: `Sessions could not be loaded: ${error.message}` }));
  }
}

// Multipart upload with progress (fetch cannot report upload progress).
function sendPhoto(sessionId, file, progress) {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('image', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/sessions/${sessionId}/source`);
    for (const [k, v] of Object.entries(headers())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) progress.value = Math.round(100 * e.loaded / e.total); };
    xhr.onload = () => {
      let body = {};
      try { body = JSON.parse(xhr.responseText); } catch (ignored) { /* not JSON */ }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new Error(body.detail || `${xhr.status} ${xhr.statusText}`));
    };
    xhr.onerror = () => reject(new Error('the network failed'));
    xhr.send(form);
  });
}

// ---------------------------------------------------------------- session page

function showSession(sessionId, wanted) {
  const state = { tree: null, selected: wanted || null, awaiting: null, compare: 'off', split: 50, sending: false, error: '' };
  app.replaceChildren(el('p', { class: 'hint', text: 'Loading the session…' }));

  live = new EventSource(withWs(`/api/sessions/${sessionId}/events`));
  live.onmessage = (event) => {
    if (event.data === state.lastEvent) return; // a keep-alive with nothing new: leave the page alone
    state.lastEvent = event.data;
    state.tree = JSON.parse(event.data);
    if (state.awaiting && byId(state.awaiting)) {
      state.selected = state.awaiting; // the step just sent has reached the gallery
      state.awaiting = null;
    }
    if (!state.awaiting && (!state.selected || !byId(state.selected))) state.selected = state.tree.rootStepId;
    render();
  };
  live.onerror = () => {
    if (!state.tree) {
      app.replaceChildren(el('p', { class: 'error', text: 'This session could not be opened (it may belong to another workspace).' }),
        el('a', { href: '#/' }, 'Back to sessions'));
      live.close();
    }
  };

  const byId = (id) => state.tree && state.tree.steps.find((s) => s.stepId === id);
  const pathTo = (id) => {
    const path = [];
    for (let s = byId(id); s; s = byId(s.parentStepId)) path.unshift(s.stepId);
    return path;
  };

  function select(id, focus) {
    state.selected = id;
    history.replaceState(null, '', `${location.search}#/s/${sessionId}/${id}`);
    render(focus);
  }

  function render(focusSelected) {
    const tree = state.tree;
    if (!tree) return;
    const active = document.activeElement && document.activeElement.id;
    const typed = document.getElementById('instruction');
    const draft = typed ? { value: typed.value, start: typed.selectionStart, end: typed.selectionEnd } : null;
    const onPath = new Set(pathTo(state.selected));
    const panel = el('nav', { class: 'tree-panel', 'aria-label': 'Branch tree' },
      el('h1', { text: tree.title }),
      tree.rootStepId ? el('ul', { role: 'tree', 'aria-label': 'Steps' }, node(tree.rootStepId, onPath))
        : el('p', { class: 'hint', text: 'No photo yet: upload one from the sessions page.' }));
    const layout = el('div', { class: 'session' }, panel, stage());
    app.replaceChildren(layout);
    const again = active && document.getElementById(active);
    const box = document.getElementById('instruction');
    if (draft && box && !state.clearDraft) {
      box.value = draft.value; // an update arriving while someone types must not eat their words
      box.setSelectionRange(draft.start, draft.end);
    }
    state.clearDraft = false;
    if (focusSelected) document.getElementById(`node-${state.selected}`)?.focus();
    else if (again) again.focus();
  }

  function node(id, onPath) {
    const step = byId(id);
    const selected = id === state.selected;
    const label = step.instruction || 'Original photo';
    const picture = step.thumbnailUrl ? el('img', { src: withWs(step.thumbnailUrl), alt: label })
      : el('div', { class: 'placeholder', 'aria-hidden': 'true' });
    const item = el('li', {
      role: 'treeitem', id: `node-${id}`, tabindex: selected ? 0 : -1, 'aria-selected': selected ? 'true' : 'false',
      'aria-expanded': step.childStepIds.length ? 'true' : null, class: onPath.has(id) ? 'on-path' : null,
      'data-status': step.status, 'data-instruction': label,
      onkeydown: (e) => keys(e, id),
    }, el('div', { class: 'node', onclick: (e) => { e.stopPropagation(); select(id, true); } },
      picture,
      el('span', { class: 'text' },
        el('span', { class: 'instruction', text: label }),
        el('span', { class: `status ${step.status}`, text: step.status }), ' ',
        el('time', { text: when(step.finishedAt || step.requestedAt) }))));
    if (step.childStepIds.length) {
      item.append(el('ul', { role: 'group' }, step.childStepIds.map((c) => node(c, onPath))));
    }
    return item;
  }

  // Tree keys: up/down through visible steps, left to the parent, right to the first child, Home/End.
  function keys(event, id) {
    const order = [...app.querySelectorAll('[role=treeitem]')].map((n) => n.id.slice(5));
    const i = order.indexOf(id);
    const step = byId(id);
    let next = null;
    switch (event.key) {
      case 'ArrowDown': next = order[i + 1]; break;
      case 'ArrowUp': next = order[i - 1]; break;
      case 'ArrowLeft': next = step.parentStepId; break;
      case 'ArrowRight': next = step.childStepIds[0]; break;
      case 'Home': next = order[0]; break;
      case 'End': next = order[order.length - 1]; break;
      case 'Enter': case ' ': document.getElementById('instruction')?.focus(); event.preventDefault(); return;
      default: return;
    }
    event.preventDefault();
    event.stopPropagation();
    if (next) select(next, true);
  }

  function stage() {
    const step = byId(state.selected);
    const parent = step && byId(step.parentStepId);
    const root = byId(state.tree.rootStepId);
    const section = el('section', { class: 'stage', 'aria-label': 'Selected step' });
    if (state.awaiting) {
      section.append(el('div', { class: 'working', role: 'status' }, el('p', { text: 'Sent. Waiting for the step to start…' }),
        el('progress', { 'aria-label': 'Waiting' })));
      return section;
    }
    if (!step) return section;
    section.append(el('h2', { text: step.instruction || 'Original photo' }),
      el('p', { class: 'meta' }, el('span', { class: `status ${step.status}`, text: step.status }),
        step.durationMillis ? ` · rendered in ${(step.durationMillis / 1000).toFixed(1)} s` : '',
        step.subjectMethod && step.subjectMethod !== 'none' ? ` · subject found by ${step.subjectMethod}` : ''));

    const against = state.compare === 'parent' ? parent : state.compare === 'original' ? root : null;
    const viewer = el('div', { class: 'viewer' });
    if (step.status === 'pending') {
      viewer.append(el('div', { class: 'working', role: 'status' },
        el('p', { text: 'Rendering… the picture appears here as soon as it is ready.' }), el('progress', { 'aria-label': 'Rendering' })));
    } else if (step.status === 'failed') {
      viewer.append(el('div', { class: 'failure', role: 'status' },
        el('p', {}, el('strong', { text: 'Not rendered: ' }), step.failure.reason), el('p', { text: step.failure.hint })));
    } else if (against && against.image && step.image) {
      viewer.append(compareView(against, step));
    } else if (step.image) {
      viewer.append(el('img', { id: 'selected-image', src: withWs(step.image.url), alt: step.instruction || 'Original photo' }));
    }
    section.append(viewer, refineForm(step));

    if (step.image) {
      section.append(el('div', { class: 'compare-controls', role: 'group', 'aria-label': 'Compare' },
        el('span', { text: 'Compare:' }),
        toggle('off', 'Off'), parent && parent.image ? toggle('parent', 'With parent') : null,
        root && root.image && root.stepId !== step.stepId ? toggle('original', 'With original') : null),
      downloads(step));
    }
    if (step.plan && step.plan.operations) {
      // the engine's own sentences when the plan has them (engine 0.2+), else the operations' parameters
      const lines = step.plan.whatIDid || step.plan.operations.map(describe);
      section.append(el('h3', { text: 'What I did' }), el('ol', { class: 'plan' }, lines.map((line) => el('li', { text: line }))));
    }
    return section;
  }

  function toggle(mode, label) {
    return el('button', { type: 'button', 'aria-pressed': state.compare === mode ? 'true' : 'false', class: state.compare === mode ? 'primary' : null,
      id: `compare-${mode}`, onclick: () => { state.compare = mode; render(); } }, label);
  }

  // Before/after: the selected picture sets the frame; the "before" one lies over its left part, letterboxed
  // when the two differ in shape (after a crop), and the slider moves the cut.
  function compareView(before, after) {
    const over = el('img', { class: 'before', src: withWs(before.image.url), alt: `Before: ${before.instruction || 'original photo'}` });
    const divider = el('div', { class: 'divider' });
    const apply = () => {
      over.style.clipPath = `inset(0 ${100 - state.split}% 0 0)`;
      divider.style.left = `${state.split}%`;
    };
    const slider = el('input', { type: 'range', min: 0, max: 100, value: state.split, id: 'compare-slider',
      'aria-label': `Compare with ${before.instruction || 'the original'}: left of the line is before, right is after`,
      oninput: (e) => { state.split = Number(e.target.value); apply(); } });
    apply();
    return el('div', { class: 'compare-wrap' },
      el('div', { class: 'compare' }, el('img', { class: 'after', src: withWs(after.image.url), alt: `After: ${after.instruction || 'original'}` }),
        over, divider),
      slider);
  }

  function downloads(step) {
    const quality = el('select', { id: 'jpeg-quality', 'aria-label': 'JPEG quality' },
      [95, 90, 80, 70].map((q) => el('option', { value: q, text: `${q}%`, selected: q === 90 })));
    const name = `atelier-${step.stepId.slice(0, 8)}`;
    return el('div', { class: 'downloads' },
      el('a', { href: withWs(step.image.url), download: `${name}.png` }, el('button', { type: 'button', tabindex: -1, text: 'Download PNG' })),
      el('button', { type: 'button', onclick: () => jpeg(step, Number(quality.value) / 100, name) }, 'Download JPEG'), quality);
  }

  async function jpeg(step, quality, name) {
    const image = new Image();
    image.src = withWs(step.image.url);
    await image.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width: image.naturalWidth, height: image.naturalHeight });
    canvas.getContext('2d').drawImage(image, 0, 0);
    canvas.toBlob((blob) => {
      const link = el('a', { href: URL.createObjectURL(blob), download: `${name}.jpg` });
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    }, 'image/jpeg', quality);
  }

  function refineForm(step) {
    const ready = step.status === 'rendered' || (step.parentStepId === null && step.image);
    const input = el('input', { type: 'text', id: 'instruction', maxlength: 2000, autocomplete: 'off', disabled: !ready || state.sending,
      placeholder: ready ? 'Describe one change, e.g. “warm the light slightly” — Enter to send'
        : step.status === 'pending' ? 'This step is still rendering: refine it once its picture arrives'
          : 'This step has no picture: refine its parent or another step instead',
      'aria-describedby': 'refine-help' });
    const help = el('p', { id: 'refine-help', class: state.error ? 'error' : 'hint',
      text: state.error || (step.childStepIds.length ? 'Sending from here starts a new branch beside the existing ones.' : '') });
    return el('form', { class: 'refine', onsubmit: async (e) => {
      e.preventDefault();
      const instruction = input.value.trim();
      if (!instruction) return;
      state.sending = true;
      state.error = '';
      try {
        const accepted = await api(`/api/sessions/${sessionId}/steps`, {
          method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
          body: JSON.stringify({ parentStepId: step.stepId, instruction }) });
        state.sending = false;
        state.clearDraft = true;
        state.awaiting = accepted.stepId;
        if (byId(accepted.stepId)) { state.awaiting = null; select(accepted.stepId, false); } else render();
      } catch (error) {
        state.sending = false;
        state.error = error.message;
        render();
      }
    } }, el('label', { for: 'instruction', class: 'visually-hidden', text: 'Refine the selected step' }), input,
      el('button', { type: 'submit', class: 'primary', disabled: !ready || state.sending }, 'Send'), help);
  }
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
