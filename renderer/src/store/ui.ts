// Screen state that is not the platforms' data: which profile is open in the detail form, which
// modal dialog is up.
import { create } from 'zustand';
import type { AppError } from '../../../shared/result';

export type Modal = { kind: 'new' } | { kind: 'delete'; id: string } | { kind: 'cloudSettings' } | null;

/** A finished action the status bar reports (a polite live region): what was done, with what. */
export type Notice = { kind: 'deleted' | 'deletedQueued'; name: string } | null;

/** A request to edit a platform's Bezeichnung (after a name clash), with the name to offer. */
export type NameEdit = { id: string; suggestion?: string; error?: AppError } | null;

interface UiState {
  openId: string | null;
  modal: Modal;
  nameEdit: NameEdit;
  notice: Notice;
  open(id: string | null): void;
  showModal(modal: Modal): void;
  editName(edit: NameEdit): void;
  announce(notice: Notice): void;
}

export const useUi = create<UiState>((set) => ({
  openId: null,
  modal: null,
  nameEdit: null,
  notice: null,
  open: (openId) => set({ openId }),
  showModal: (modal) => set({ modal }),
  editName: (nameEdit) => set({ nameEdit }),
  announce: (notice) => set({ notice }),
}));
