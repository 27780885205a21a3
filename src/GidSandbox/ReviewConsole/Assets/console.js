// The as-of slider: shows the instant under the thumb and opens the identity as of it when released.
document.addEventListener('DOMContentLoaded', () => {
  for (const form of document.querySelectorAll('form.as-of')) {
    const slider = form.querySelector('input[type=range]');
    const output = form.querySelector('output');
    const instants = (form.dataset.instants || '').split(' ');
    const describe = () => { output.textContent = `version ${slider.value}: ${instants[slider.value - 1] ?? ''}`; };
    slider.addEventListener('input', describe);
    // Pointer users see the identity when they let go; keyboard users move freely, then press Show.
    slider.addEventListener('pointerup', () => form.requestSubmit());
  }
});

// The session ends with its access token unless renewed: renewSession() gets a new token (GraphiQL renews before
// each expiry; the warning shown two minutes before the end, or halfway for shorter tokens, offers it), and what is typed into forms is kept (in
// this tab only) so that signing in again brings it back.
const sessionEnds = () => Date.parse(document.body.dataset.sessionEnds || '');

window.renewSession = async () => {
  const response = await fetch('/console/session/renew', { method: 'POST', credentials: 'same-origin' });
  if (!response.ok) { return null; }
  const renewed = await response.json();
  document.body.dataset.sessionEnds = renewed.sessionEnds;
  document.dispatchEvent(new CustomEvent('session-renewed', { detail: renewed }));
  return renewed;
};

document.addEventListener('DOMContentLoaded', () => {
  if (!Number.isNaN(sessionEnds())) {
    let timer;
    const schedule = () => {
      clearTimeout(timer);
      const left = sessionEnds() - Date.now();
      timer = setTimeout(warn, Math.max(0, left - Math.min(120000, left / 2)));
    };
    const warn = () => {
      const main = document.querySelector('main');
      main.querySelector('.session-warning')?.remove();
      const banner = document.createElement('p');
      banner.className = 'notice session-warning';
      banner.setAttribute('role', 'status');
      banner.textContent = `Your session ends at ${new Date(sessionEnds()).toLocaleTimeString()}. What you type here is kept: after signing in again it is filled back in. `;
      const stay = document.createElement('button');
      stay.type = 'button';
      stay.textContent = 'Stay signed in';
      stay.addEventListener('click', async () => {
        banner.textContent = (await window.renewSession())
          ? `Your session goes on until ${new Date(sessionEnds()).toLocaleTimeString()}.`
          : 'Your session can no longer be renewed: sign in again when it ends.';
      });
      banner.append(stay);
      main.prepend(banner);
    };
    document.addEventListener('session-renewed', () => {
      if (!document.querySelector('.session-warning button')) { document.querySelector('.session-warning')?.remove(); }
      schedule();
    });
    schedule();
  }

  if (document.querySelector('main [data-session-ended]')) {
    // A form sent as the session ended did not go through: keep its draft for after signing in.
    for (const key of Object.keys(sessionStorage).filter((k) => k.startsWith('sent:'))) { sessionStorage.removeItem(key); }
    return;
  }

  for (const form of document.querySelectorAll('main form[method=post]')) {
    const action = form.getAttribute('action');
    const draft = `draft:${action}`;
    const sent = `sent:${action}`;
    const fields = () => [...form.elements].filter((e) => e.name && !['hidden', 'password', 'submit', 'radio'].includes(e.type));
    if (sessionStorage.getItem(sent) && !document.querySelector('main [role=alert]')) {
      sessionStorage.removeItem(draft); // sent and taken
    } else if (sessionStorage.getItem(draft)) {
      const saved = JSON.parse(sessionStorage.getItem(draft));
      for (const field of fields()) {
        if (!field.value && saved[field.name]) { field.value = saved[field.name]; }
      }
    }
    sessionStorage.removeItem(sent);
    const save = () => sessionStorage.setItem(draft, JSON.stringify(Object.fromEntries(fields().map((f) => [f.name, f.value]))));
    form.addEventListener('input', save);
    form.addEventListener('change', save);
    form.addEventListener('submit', () => sessionStorage.setItem(sent, '1'));
  }
});
