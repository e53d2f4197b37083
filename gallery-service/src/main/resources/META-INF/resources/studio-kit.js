// Atelier studio: the brand kit (sessions page) and, on a session, "save to kit" and use-case presets.
// Listens for the studio's 'atelier:sessions' and 'atelier:stage' events; talks only to this origin.

async function call(path, options = {}) {
  const response = await fetch(path, { credentials: 'same-origin', ...options });
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) throw new Error(body && body.detail ? body.detail : `${response.status} ${response.statusText}`);
  return body;
}

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

let presetsCache = null;
async function presets() {
  if (!presetsCache) presetsCache = call('/api/presets').then((doc) => doc.presets).catch(() => []);
  return presetsCache;
}

const json = (body) => ({ headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

// ---------------------------------------------------------------- the sessions page: the kit panel

document.addEventListener('atelier:sessions', ({ detail: { app } }) => {
  const panel = el('section', { id: 'kit', class: 'kit', 'aria-labelledby': 'kit-title' }, el('h2', { id: 'kit-title', text: 'Brand kit' }));
  const body = el('div');
  const message = el('p', { role: 'status', class: 'kit-message' });
  panel.append(body, message);
  app.append(panel);

  async function change(promise, done) {
    message.textContent = '';
    try {
      draw(await promise);
      if (done) message.textContent = done;
    } catch (e) {
      message.textContent = e.message;
      message.className = 'kit-message error';
    }
  }

  function draw(kit) {
    const name = el('input', { type: 'text', id: 'kit-name', value: kit.name, maxlength: 80, 'aria-label': 'Kit name' });
    const colourName = el('input', { type: 'text', id: 'kit-colour-name', placeholder: 'brand green', maxlength: 60, 'aria-label': 'Colour name' });
    const colourValue = el('input', { type: 'color', id: 'kit-colour-value', value: '#2e7d32', 'aria-label': 'Colour' });
    const logoFile = el('input', { type: 'file', id: 'kit-logo', accept: 'image/png', 'aria-label': 'Logo (PNG with transparency)' });
    const fontFile = el('input', { type: 'file', id: 'kit-font', accept: '.ttf,.otf,font/ttf,font/otf', 'aria-label': 'Font (TrueType or OpenType)' });
    const placement = el('select', { id: 'kit-logo-placement', 'aria-label': 'Logo placement' },
      ['bottom-right', 'bottom-left', 'top-right', 'top-left', 'centre'].map((p) => el('option', { value: p, text: p.replace('-', ' '),
        selected: kit.logo && kit.logo.placement === p })));
    body.replaceChildren(
      el('p', { class: 'hint', text: `Version ${kit.version}. Instructions can name what is here: “a brand green gradient on the upper third”, `
        + '“add our logo bottom right”, “use our brand colours”, or a saved instruction by its name.' }),
      el('form', { class: 'kit-row', onsubmit: (e) => { e.preventDefault(); change(call('/api/kit/name', { method: 'PUT', ...json({ name: name.value }) }), 'Renamed.'); } },
        el('label', { for: 'kit-name', text: 'Name ' }), name, el('button', { type: 'submit', text: 'Rename' })),
      el('h3', { text: 'Palette' }),
      el('ul', { class: 'palette', id: 'kit-palette' }, kit.palette.map((c) => el('li', { 'data-name': c.name },
        el('span', { class: 'swatch', style: `background:${c.hex}`, title: c.hex }), ` ${c.name} `, el('code', { text: c.hex }),
        el('button', { type: 'button', class: 'link', 'aria-label': `Remove ${c.name}`, text: '×',
          onclick: () => change(call(`/api/kit/palette?name=${encodeURIComponent(c.name)}`, { method: 'DELETE' })) })))),
      el('form', { class: 'kit-row', id: 'kit-colour-form', onsubmit: (e) => {
        e.preventDefault();
        change(call('/api/kit/palette', { method: 'PUT', ...json({ name: colourName.value, hex: colourValue.value }) }), `Added “${colourName.value}”.`);
      } }, colourName, colourValue, el('button', { type: 'submit', text: 'Add colour' })),
      el('h3', { text: 'Logo' }),
      kit.logo ? el('p', { id: 'kit-logo-shown', text: `${kit.logo.width}×${kit.logo.height} px, ${kit.logo.placement.replace('-', ' ')}, `
        + `${Math.round(kit.logo.size * 100)}% of the width` }) : el('p', { class: 'hint', text: 'No logo yet.' }),
      el('form', { class: 'kit-row', onsubmit: (e) => {
        e.preventDefault();
        if (!logoFile.files[0]) return;
        const form = new FormData();
        form.append('image', logoFile.files[0]);
        form.append('placement', placement.value);
        change(call('/api/kit/logo', { method: 'PUT', body: form }), 'Logo saved.');
      } }, logoFile, placement, el('button', { type: 'submit', text: 'Upload logo' })),
      el('h3', { text: 'Font' }),
      el('p', { id: 'kit-font-shown', class: kit.font ? null : 'hint', text: kit.font
        ? `${kit.font.family}: text overlays (“add the title "Fresh Roast" at the top”) are set in it.`
        : 'No font yet: text overlays use Liberation Sans.' }),
      el('form', { class: 'kit-row', onsubmit: (e) => {
        e.preventDefault();
        if (!fontFile.files[0]) return;
        const form = new FormData();
        form.append('font', fontFile.files[0]);
        change(call('/api/kit/font', { method: 'PUT', body: form }), 'Font saved.');
      } }, fontFile, el('button', { type: 'submit', text: 'Upload font' })),
      el('h3', { text: 'Saved instructions' }),
      kit.instructions.length ? el('ul', { id: 'kit-instructions' }, kit.instructions.map((i) => el('li', { 'data-name': i.name },
        el('strong', { text: i.name }), ` — “${i.instruction}” `,
        el('button', { type: 'button', class: 'link', 'aria-label': `Remove ${i.name}`, text: 'remove',
          onclick: () => change(call(`/api/kit/instructions?name=${encodeURIComponent(i.name)}`, { method: 'DELETE' })) }))))
        : el('p', { class: 'hint', text: 'None yet: open a session and press “Save to kit” on a step that worked.' }));
  }

  change(call('/api/kit'));
  presets().then((list) => {
    if (!list.length) return;
    panel.after(el('section', { class: 'kit', id: 'presets', 'aria-labelledby': 'presets-title' },
      el('h2', { id: 'presets-title', text: 'Presets' }),
      el('p', { class: 'hint', text: 'Pick one for the next photo you drop here (or pick one in any session): each instruction is offered as the next step, one change at a time.' }),
      el('ul', {}, list.map((p) => el('li', {}, el('strong', { text: p.name }), ` — ${p.for} (${p.instructions.length} steps) `,
        el('button', { type: 'button', class: 'link', id: `preset-pick-${p.id}`, onclick: (e) => {
          sessionStorage.setItem('atelier-preset-pending', p.id);
          e.target.textContent = 'chosen for the next photo';
        } }, 'Use with the next photo'))))));
  });
});

// ---------------------------------------------------------------- a session: save to kit, presets

document.addEventListener('atelier:stage', ({ detail: { sessionId, step, below, input } }) => {
  const box = el('div', { class: 'kit-actions' });
  if (step.status === 'rendered' && step.parentStepId) {
    const note = el('span', { role: 'status', class: 'kit-message', id: 'save-to-kit-status' });
    box.append(el('button', { type: 'button', id: 'save-to-kit', onclick: async () => {
      const name = window.prompt('Save this instruction to the brand kit as:', step.instruction);
      if (!name) return;
      try {
        await call('/api/kit/instructions', { method: 'POST', ...json({ sessionId, stepId: step.stepId, name }) });
        note.textContent = `Saved: say “apply ${name}” on any photo.`;
      } catch (e) {
        note.textContent = e.message;
      }
    } }, 'Save to kit'), ' ', note);
  }
  const key = `atelier-preset-${sessionId}`;
  const offer = el('div', { class: 'preset-offer', id: 'preset-offer' });
  box.append(offer);
  presets().then((list) => {
    if (!list.length) return;
    // a preset picked on the sessions page goes to the first session opened after it
    const pending = sessionStorage.getItem('atelier-preset-pending');
    if (pending && !sessionStorage.getItem(key) && list.some((p) => p.id === pending)) {
      sessionStorage.setItem(key, JSON.stringify({ id: pending, next: 0 }));
      sessionStorage.removeItem('atelier-preset-pending');
    }
    const chosen = JSON.parse(sessionStorage.getItem(key) || 'null');
    const preset = chosen && list.find((p) => p.id === chosen.id);
    const picker = el('select', { id: 'preset', 'aria-label': 'Preset', onchange: () => {
      if (picker.value) sessionStorage.setItem(key, JSON.stringify({ id: picker.value, next: 0 }));
      else sessionStorage.removeItem(key);
      drawOffer();
    } }, el('option', { value: '', text: 'Preset…' }), list.map((p) => el('option', { value: p.id, text: p.name, selected: preset && preset.id === p.id })));
    function drawOffer() {
      const now = JSON.parse(sessionStorage.getItem(key) || 'null');
      const p = now && list.find((x) => x.id === now.id);
      const parts = [picker];
      if (p && now.next < p.instructions.length) {
        const next = p.instructions[now.next];
        parts.push(` Next (${now.next + 1} of ${p.instructions.length}): `, el('button', { type: 'button', id: 'preset-next', title: 'Put it in the box; press Enter to send',
          onclick: () => {
            input.value = next;
            input.focus();
            sessionStorage.setItem(key, JSON.stringify({ id: p.id, next: now.next + 1 }));
            drawOffer();
          } }, `“${next}”`));
      } else if (p) parts.push(` ${p.name}: all ${p.instructions.length} steps offered.`);
      offer.replaceChildren(...parts);
    }
    drawOffer();
  });
  below.append(box);
});
