import type { ProviderTexts } from './provider-texts.js';

export const es: ProviderTexts = {
  errorTypes: {
    invalid_credentials: 'Los datos de acceso ya no funcionan',
    two_factor_required: 'Hace falta un código de verificación',
    mfa_required: 'Hace falta una verificación en varios pasos',
    third_party_blocked: 'La plataforma bloqueó nuestro acceso',
    invalid_store_config: 'La tienda necesita un ajuste en la plataforma',
    provider_unavailable: 'La plataforma tiene problemas',
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
    reconnect: 'Reconectar la cuenta',
    merchant_portal: 'Seguir los pasos en el portal de la plataforma',
    retry: 'No hace falta hacer nada: reintentamos solos',
    support: 'Nuestro equipo de soporte se encarga',
  },
  quotes: ['«', '»'],
  done: 'Ya he hecho estos pasos',
  generic: {
    portal: 'el portal para comercios de {provider}',
    stores: 'la lista de tiendas',
    storeStatus: 'el estado de la tienda',
    menu: 'el editor de la carta',
    hours: 'el horario',
    account: 'los usuarios y el acceso',
    support: 'el soporte para comercios',
  },
  steps: {
    store_inactive: [
      'Abre {portal}{portalLink} y entra con una cuenta de administrador.',
      'Abre {stores} y selecciona la tienda afectada.',
      'Revisa {storeStatus}: si la tienda está en pausa, cerrada o inactiva, vuelve a abrirla.',
      'Si el portal no te deja reabrirla, la cerró {provider}: pide que la reactiven desde {support}.',
      'Cuando la tienda vuelva a aceptar pedidos, regresa a la página de reparación y pulsa {done}.',
    ],
    non_traditional_login: [
      'Abre {portal}{portalLink} y entra como lo haces siempre (Google, Apple u otro inicio de sesión único).',
      'Abre {account} y selecciona el usuario que está conectado con nosotros.',
      'Dale a ese usuario un acceso con contraseña (un correo y una contraseña), o invita a un usuario nuevo que entre con contraseña.',
      'Regresa a la página de reparación, pulsa {done} y reconecta con ese correo y esa contraseña.',
    ],
    store_not_found: [
      'Abre {portal}{portalLink} y entra con la cuenta que está conectada con nosotros.',
      'Abre {stores} y comprueba que todas las tiendas afectadas están en la lista.',
      'Si falta alguna, pertenece a otra cuenta de {provider}: conecta esa cuenta, o pide que muevan la tienda desde {support}.',
      'Regresa a la página de reparación y pulsa {done}.',
    ],
    menu_misconfigured: [
      'Abre {portal}{portalLink} y entra.',
      'Abre {menu} de la tienda afectada.',
      'Corrige todo lo que señale el portal: un precio que falta, una categoría o un grupo de opciones vacíos, una foto que falta.',
      'Publica la carta y espera a que {provider} la muestre como activa.',
      'Regresa a la página de reparación y pulsa {done}.',
    ],
    hours_misconfigured: [
      'Abre {portal}{portalLink} y entra.',
      'Abre {hours} de la tienda afectada.',
      'Pon horario a cada día en que la tienda acepta pedidos y elimina las franjas que se solapan.',
      'Guarda y comprueba que la tienda aparece abierta a esta hora del día.',
      'Regresa a la página de reparación y pulsa {done}.',
    ],
  },
  providerSteps: {
    deliveroo: {
      store_inactive: [
        'Abre {portal}{portalLink} y ve a {stores}.',
        'Busca la tienda afectada y mira {storeStatus}: una tienda marcada como inactiva no recibe pedidos.',
        'Si la cerraste tú, vuelve a abrirla para el horario de hoy.',
        'Si la desactivó Deliveroo, por ejemplo mientras falta un documento o tras una revisión de la tableta, escríbeles desde {support} y pregunta qué necesitan para reactivarla.',
        'Cuando la tienda aparezca como activa, regresa a la página de reparación y pulsa {done}.',
      ],
    },
    doordash: {
      store_inactive: [
        'Abre {portal}{portalLink} y selecciona la tienda afectada en {stores}.',
        'Abre {storeStatus}: si la tienda está en pausa, quita la pausa.',
        'Si aparece como desactivada, solo DoorDash puede volver a activarla: contacta con ellos desde {support}.',
        'Cuando la tienda vuelva a aceptar pedidos, regresa a la página de reparación y pulsa {done}.',
      ],
    },
  },
};
