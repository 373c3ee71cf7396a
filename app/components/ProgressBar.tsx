/** A labelled progress bar: the native element, so screen readers announce the value. */
export function ProgressBar({ value, label }: { value: number; label: string }) {
  return (
    <div className="progress">
      <progress max={100} value={value} aria-label={label} />
      <span className="progress-value">{value}%</span>
    </div>
  );
}
