// A table's header row: one column head per label, in order.
export function ColumnHeads({ labels }: { labels: string[] }) {
  return (
    <thead>
      <tr>
        {labels.map((label, i) => (
          <th key={i}>{label}</th>
        ))}
      </tr>
    </thead>
  );
}
