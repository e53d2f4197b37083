// Atelier studio: a pending step's progress ("Generating with OpenAI… 12 s", counted here from the worker's start
// time in the step's JSON) and its Cancel button; a cancelled step says so. Listens for the studio's 'atelier:stage'.

const PROVIDERS = { openai: 'OpenAI', bfl: 'FLUX Kontext (BFL)', comfyui: 'ComfyUI' };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child);
  return node;
}

// the worker's clock and this one may differ a little: never count below zero
function seconds(since) {
  return Math.max(0, Math.round((Date.now() - Date.parse(since)) / 1000));
}

function waiting(step) {
  if (!step.progress) return null; // a built-in render, or a generation not started yet: the viewer's own spinner says enough
  const name = PROVIDERS[step.progress.provider] || step.progress.provider;
  const line = el('span', { id: 'generating', role: 'status' });
  const tick = () => { line.textContent = `Generating with ${name}… ${seconds(step.progress.startedAt)} s`; };
  tick();
  // the stage is rebuilt on every update: the counter stops with the node it writes to
  const timer = setInterval(() => (line.isConnected ? tick() : clearInterval(timer)), 1000);
  return line;
}

document.addEventListener('atelier:stage', ({ detail: { sessionId, step, below } }) => {
  if (step.status === 'cancelled') {
    below.append(el('p', { class: 'hint', id: 'cancelled-note',
      text: 'Cancelled before it finished: it has no picture. Send the instruction again from the step before it to try once more.' }));
    return;
  }
  if (step.status !== 'pending') return;
  const message = el('span', { class: 'error', role: 'alert' });
  const button = el('button', { type: 'button', id: 'cancel-step', onclick: async () => {
    button.disabled = true;
    message.textContent = '';
    try {
      const response = await fetch(`/api/sessions/${sessionId}/steps/${step.stepId}/cancel`, { method: 'POST', credentials: 'same-origin' });
      if (!response.ok) {
        const body = await response.json().catch(() => ({}));
        throw new Error(body.detail || `${response.status} ${response.statusText}`);
      }
      // the live view brings the cancelled step; nothing more to do here
    } catch (error) {
      message.textContent = `Not cancelled: ${error.message}`;
      button.disabled = false;
    }
  } }, 'Cancel');
  below.prepend(el('div', { class: 'generating controls' }, waiting(step), button, message));
});
