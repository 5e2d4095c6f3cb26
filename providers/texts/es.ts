import type { ProviderTexts } from './provider-texts.js';

export const es: ProviderTexts = {
  errorTypes: {
    invalid_credentials: 'Los datos de acceso ya no funcionan',
    two_factor_required: 'Hace falta un código de verificación',
    mfa_required: 'Hace falta una verificación en varios pasos',
    third_party_blocked: 'El proveedor bloqueó nuestro acceso',
    invalid_store_config: 'La tienda necesita un ajuste en el proveedor',
    provider_unavailable: 'El proveedor tiene problemas',
    unknown: 'Un problema no reconocido',
  },
  causes: {
    store_inactive: 'La tienda está inactiva o en pausa',
    non_traditional_login: 'La cuenta solo entra con Google o Apple',
    store_not_found: 'La tienda no está vinculada a esta cuenta',
    menu_misconfigured: 'No se puede publicar la carta',
    hours_misconfigured: 'Faltan horarios o no son válidos',
  },
  resolutions: {
    reconnect: 'Volver a conectar la cuenta',
    merchant_portal: 'Seguir los pasos en el portal del proveedor',
    retry: 'No hace falta hacer nada: reintentamos solos',
    support: 'Nuestro equipo de soporte se encarga',
  },
  steps: {
    store_inactive: [
      'Entra en {portal} ({portalUrl}) con una cuenta de administrador.',
      'Abre {stores} y elige la tienda afectada.',
      'Revisa su estado: si está en pausa, inactiva o cerrada, vuelve a abrirla o activarla.',
      'Si la desactivó {provider}, escribe al soporte de {provider} desde el portal y pide que la reactiven.',
      'Vuelve aquí y pulsa «He completado estos pasos».',
    ],
    non_traditional_login: [
      'Entra en {portal} con la cuenta de Google o Apple que usas normalmente.',
      'Abre {account} y añade a este usuario un acceso con correo y contraseña.',
      'Ten a mano ese correo y la nueva contraseña.',
      'Vuelve aquí, pulsa «He completado estos pasos» y reconecta con ese correo y contraseña.',
    ],
    store_not_found: [
      'Entra en {portal} con la cuenta conectada con nosotros.',
      'Abre {stores} y comprueba que todas las tiendas afectadas aparecen en esta cuenta.',
      'Si falta alguna, pide al soporte de {provider} que la añada a esta cuenta o conecta la cuenta que la tiene.',
      'Vuelve aquí y pulsa «He completado estos pasos».',
    ],
    menu_misconfigured: [
      'Entra en {portal} y abre la carta de la tienda afectada.',
      'Corrige los productos que el portal marca como incompletos (precio, categoría, imagen) y publica la carta.',
      'Espera a que {provider} muestre la carta como publicada.',
      'Vuelve aquí y pulsa «He completado estos pasos».',
    ],
    hours_misconfigured: [
      'Entra en {portal} y abre {stores}.',
      'Pon horario a cada día en que la tienda acepta pedidos y quita las franjas que se solapan.',
      'Guarda el horario y comprueba que la tienda aparece abierta a esta hora.',
      'Vuelve aquí y pulsa «He completado estos pasos».',
    ],
  },
};
