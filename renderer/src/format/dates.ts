// Dates and durations as the ERP shows them (de: 02.01.2026, 10:00).
const locale = (lng: string) => (lng === 'en' ? 'en-GB' : 'de-DE');

export function formatDateTime(iso: string, lng: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString(locale(lng), { dateStyle: 'medium', timeStyle: 'short' });
}

/** With seconds, for logs. */
export function formatTimestamp(iso: string, lng: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString(locale(lng), { dateStyle: 'medium', timeStyle: 'medium' });
}

export function formatDate(iso: string, lng: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleDateString(locale(lng), { dateStyle: 'medium' });
}

export function formatTime(iso: string, lng: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString(locale(lng), { timeStyle: 'medium' });
}

/** mm:ss, never negative. */
export function formatCountdown(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
