// How a seller account is named in the list and the detail; a module of its own so that the list (first
// screen) does not pull the detail's AuthStatus component into the first bundle.
import type { TFunction } from '../i18n';

/** "Muster Handel GmbH (Händler-ID A2EUMUSTER7H1K)", or the Händler-ID alone while the name is unknown. */
export function sellerLabel(
  t: TFunction,
  seller: { sellingPartnerId: string; storeName?: string | undefined },
): string {
  return seller.storeName
    ? t('seller.named', { store: seller.storeName, id: seller.sellingPartnerId })
    : t('seller.idOnly', { id: seller.sellingPartnerId });
}
