/** Small line icons for the row actions and sort state; decorative, their buttons carry the words. */
import type { ReactNode } from 'react';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="register-icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}

export function EditIcon() {
  return (
    <Icon>
      <path d="M4 20h4L19 9a2.1 2.1 0 0 0-4-4L4 16v4z" />
      <path d="M13.5 6.5l4 4" />
    </Icon>
  );
}

export function VoidIcon() {
  return (
    <Icon>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M6 18L18 6" />
    </Icon>
  );
}

export function HistoryIcon() {
  return (
    <Icon>
      <path d="M3.5 12a8.5 8.5 0 1 0 2.6-6.1" />
      <path d="M3.5 4v4.5H8" />
      <path d="M12 7.5V12l3 2" />
    </Icon>
  );
}

export function SortIcon({ direction }: { direction: 'asc' | 'desc' | null }) {
  return (
    <svg
      className="register-sort-icon"
      viewBox="0 0 12 16"
      width="10"
      height="14"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M6 1.5L10.5 6.5h-9z" fill="currentColor" opacity={direction === 'asc' ? 1 : 0.28} />
      <path d="M6 14.5L1.5 9.5h9z" fill="currentColor" opacity={direction === 'desc' ? 1 : 0.28} />
    </svg>
  );
}

export function SearchIcon() {
  return (
    <svg
      className="register-search-icon"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
    >
      <circle cx="10.5" cy="10.5" r="6.5" />
      <path d="M15.5 15.5L20 20" />
    </svg>
  );
}

export function EmptyRegisterIcon() {
  return (
    <svg
      className="register-empty-icon"
      viewBox="0 0 48 48"
      width="48"
      height="48"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <rect x="9" y="6" width="30" height="36" rx="3" />
      <path d="M16 15h16M16 22h16M16 29h10" />
    </svg>
  );
}
