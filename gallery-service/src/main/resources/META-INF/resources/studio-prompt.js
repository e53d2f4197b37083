// Start a session from a prompt (beside the photo drop): its root step is a draft the generative engine
// paints. Without an engine the API refuses at once, naming the settings; that answer is shown as it is.

const ASPECTS = [['1:1', 'square'], ['3:2', 'landscape 3:2'], ['2:3', 'portrait 2:3'], ['16:9', 'wide 16:9'], ['9:16', 'tall 9:16']];

export function promptForm({ opened, signedOut }) {
  const prompt = Object.assign(document.createElement('textarea'), {
    id: 'prompt', rows: 2, maxLength: 2000, required: true,
    placeholder: 'a cup of coffee on a rustic wooden table, morning light',
  });
  const aspect = document.createElement('select');
  aspect.setAttribute('aria-label', 'Shape');
  for (const [value, words] of ASPECTS) aspect.append(new Option(words, value));
  const button = Object.assign(document.createElement('button'), { type: 'submit', textContent: 'Generate' });
  const message = Object.assign(document.createElement('p'), { className: 'error' });
  message.setAttribute('role', 'alert');
  const label = Object.assign(document.createElement('label'), { htmlFor: 'prompt' });
  label.append(Object.assign(document.createElement('strong'), { textContent: 'Or start from a prompt: ' }), 'describe the picture to begin with');
  const form = Object.assign(document.createElement('form'), { className: 'prompt-start' });
  form.append(label, prompt, aspect, button, message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.textContent = '';
    button.disabled = true;
    try {
      const response = await fetch('/api/sessions', {
        method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ prompt: prompt.value, aspect: aspect.value }),
      });
      if (response.status === 401) { signedOut(); return; }
      const body = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(body.detail || `${response.status} ${response.statusText}`);
      await opened(body.sessionId);
    } catch (error) {
      message.textContent = `Not started: ${error.message}`;
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
