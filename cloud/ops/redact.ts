// Error messages of the database driver may quote a connection string; logs and /readyz show it without.
export function redactConnectionStrings(message: string): string {
  return message.replace(/postgres(ql)?:\/\/\S+/g, 'postgres://…');
}
