// Screen state that is not the platforms' data: which profile is open in the detail form, which
// modal dialog is up.
import { create } from 'zustand';

export type Modal = { kind: 'new' } | { kind: 'delete'; id: string } | { kind: 'cloudSettings' } | null;

interface UiState {
  openId: string | null;
  modal: Modal;
  open(id: string | null): void;
  showModal(modal: Modal): void;
}

export const useUi = create<UiState>((set) => ({
  openId: null,
  modal: null,
  open: (openId) => set({ openId }),
  showModal: (modal) => set({ modal }),
}));
