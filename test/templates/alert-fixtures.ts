// Realistic alert data for template tests: accented names in every language, long signed links,
// a provider with portal steps and one that needs a new password.
import type { AlertData, RepairLine } from '../../templates/alert-data.js';

/** As long as the product's signed links (payload and HMAC, base64url). */
export const signedLink = (tag: string) =>
  `https://repair.example.com/r/eyJyZXBhaXJJZCI6InJlcF8wMUpIWlE4VjNLJHt0YWd9IiwiZXhwIjoxNzY0NTAwMDAwfQ.${tag}_Xk9sZ3JhbV9tYWNfc2lnbmF0dXJlX2Jhc2U2NHVybA`;

export const portalRepair: RepairLine = {
  repairId: 'rep_deliveroo',
  provider: 'Deliveroo',
  errorTypeLabel: 'La tienda está inactiva en Deliveroo',
  resolution: 'merchant_portal',
  actionLabel: 'Sigue los pasos en el portal del socio',
  link: signedLink('roo'),
  estimatedLostRevenue: '1.240 €',
  stores: [
    { location: 'São João', brand: 'Pão Quente', provider: 'Deliveroo' },
    { location: 'Gràcia', brand: 'Crêpes d’Élodie', provider: 'Deliveroo' },
  ],
  steps: [
    'Inicia sesión en Deliveroo Partner Hub con una cuenta de administrador.',
    'Abre «Sitios» y elige el local afectado.',
    'Cambia el estado del sitio a «Activo» y guarda.',
    'Comprueba que el horario de apertura de hoy es correcto.',
  ],
};

export const reconnectRepair: RepairLine = {
  repairId: 'rep_ubereats',
  provider: 'Uber Eats',
  errorTypeLabel: 'Les identifiants ne fonctionnent plus',
  resolution: 'reconnect',
  actionLabel: 'Reconnecter le compte',
  link: signedLink('uber'),
  openedAt: '2026-11-22T06:45:00Z',
  stores: [{ location: 'Città Alta', brand: 'Pizzería Ñandú', provider: 'Uber Eats' }],
};

export const retryRepair: RepairLine = {
  repairId: 'rep_glovo',
  provider: 'Glovo',
  errorTypeLabel: 'Glovo no responde',
  resolution: 'retry',
  actionLabel: 'Reintento automático',
  link: signedLink('glovo'),
  stores: [{ location: 'Zürich Höngg', brand: 'Smørrebrød & Co', provider: 'Glovo' }],
};

export const base: Omit<AlertData, 'repairs'> = {
  orgName: 'Pâtisserie Élodie & Cia',
  recipientName: 'Élodie Müller-Ibáñez',
  supportPhone: '+34 910 00 00 00',
  generatedAt: '2026-11-23T09:30:00Z',
  timezone: 'Europe/Lisbon',
  logoUrl: 'https://cdn.example.com/logos/elodie.png',
};

export const oneStore: AlertData = { ...base, repairs: [reconnectRepair] };
export const severalStores: AlertData = { ...base, repairs: [portalRepair, reconnectRepair, retryRepair] };
