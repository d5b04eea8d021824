/** Simple line icons for fields (no icon font, no emoji: they render the same on every kiosk). */
const PATHS: Record<string, string> = {
  scale: 'M12 3v18M5 21h14M4 7h16M7 7l-3 7a3 3 0 0 0 6 0zM17 7l-3 7a3 3 0 0 0 6 0z',
  stamp: 'M9 3h6v6l3 3v3H6v-3l3-3zM4 19h16v2H4z',
  house: 'M3 11l9-8 9 8M5 10v11h14V10M10 21v-6h4v6',
  people: 'M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM16 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2 21c0-4 3-6 6-6s6 2 6 6M12 21c0-4 2-6 4-6 3 0 6 2 6 6',
  shop: 'M3 9l2-5h14l2 5M4 9h16v12H4zM9 21v-6h6v6M3 9c0 2 2 3 3 3s3-1 3-3c0 2 2 3 3 3s3-1 3-3c0 2 2 3 3 3s3-1 3-3',
  'id-card': 'M3 5h18v14H3zM8 12a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM5 17c0-2 1.5-3 3-3s3 1 3 3M14 9h5M14 13h5',
  info: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM12 11v6M12 7h.01',
  inbox: 'M3 13l3-9h12l3 9v7H3zM3 13h5l1 3h6l1-3h5',
  star: 'M12 2l3 7 7 .6-5.3 4.7 1.6 7.2L12 17.8 5.7 21.5l1.6-7.2L2 9.6 9 9z',
  ticket: 'M3 7h18v4a2 2 0 0 0 0 4v4H3v-4a2 2 0 0 0 0-4z',
  default: 'M4 4h16v16H4z',
};

export function FieldIcon({ name, size = 48 }: { name: string; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8}
      strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={PATHS[name] ?? PATHS.default} />
    </svg>
  );
}
