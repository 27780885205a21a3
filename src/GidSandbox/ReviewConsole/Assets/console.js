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

// The session ends with its access token: warn two minutes before, and keep what is typed into forms
// (in this tab only) so that signing in again brings it back.
document.addEventListener('DOMContentLoaded', () => {
  const ends = Date.parse(document.body.dataset.sessionEnds || '');
  if (!Number.isNaN(ends)) {
    const warn = () => {
      const banner = document.createElement('p');
      banner.className = 'notice session-warning';
      banner.setAttribute('role', 'status');
      banner.textContent = `Your session ends at ${new Date(ends).toLocaleTimeString()}. What you type here is kept: after signing in again it is filled back in.`;
      document.querySelector('main').prepend(banner);
    };
    const wait = ends - Date.now() - 120000;
    if (wait <= 0) { warn(); } else { setTimeout(warn, wait); }
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
