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
