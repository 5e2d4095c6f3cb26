import type { ProviderTexts } from './provider-texts.js';

export const pt: ProviderTexts = {
  errorTypes: {
    invalid_credentials: 'Os dados de acesso já não funcionam',
    two_factor_required: 'É preciso um código de verificação',
    mfa_required: 'É preciso uma verificação em várias etapas',
    third_party_blocked: 'O fornecedor bloqueou o nosso acesso',
    invalid_store_config: 'A loja precisa de um ajuste no fornecedor',
    provider_unavailable: 'O fornecedor está com problemas',
    unknown: 'Um problema não reconhecido',
  },
  causes: {
    store_inactive: 'A loja está inativa ou em pausa',
    non_traditional_login: 'A conta só entra com Google ou Apple',
    store_not_found: 'A loja não está ligada a esta conta',
    menu_misconfigured: 'Não é possível publicar o cardápio',
    hours_misconfigured: 'Os horários faltam ou são inválidos',
  },
  resolutions: {
    reconnect: 'Reconectar a conta',
    merchant_portal: 'Seguir os passos no portal do fornecedor',
    retry: 'Nada a fazer: tentamos de novo automaticamente',
    support: 'A nossa equipa de suporte trata disto',
  },
  steps: {
    store_inactive: [
      'Entre em {portal} ({portalUrl}) com uma conta de administrador.',
      'Abra {stores} e escolha a loja afetada.',
      'Verifique o estado: se estiver em pausa, inativa ou fechada, volte a ativá-la.',
      'Se foi a {provider} que a desativou, fale com o suporte da {provider} pelo portal e peça a reativação.',
      'Volte aqui e escolha «Concluí estes passos».',
    ],
    non_traditional_login: [
      'Entre em {portal} com a conta Google ou Apple que usa habitualmente.',
      'Abra {account} e acrescente a este utilizador um acesso com e-mail e palavra-passe.',
      'Tenha à mão esse e-mail e a nova palavra-passe.',
      'Volte aqui, escolha «Concluí estes passos» e reconecte com esse e-mail e palavra-passe.',
    ],
    store_not_found: [
      'Entre em {portal} com a conta ligada ao nosso serviço.',
      'Abra {stores} e confirme que todas as lojas afetadas aparecem nesta conta.',
      'Se faltar alguma, peça ao suporte da {provider} para a acrescentar, ou ligue a conta a que ela pertence.',
      'Volte aqui e escolha «Concluí estes passos».',
    ],
    menu_misconfigured: [
      'Entre em {portal} e abra o cardápio da loja afetada.',
      'Corrija os produtos marcados como incompletos (preço, categoria, imagem) e publique o cardápio.',
      'Aguarde até a {provider} mostrar o cardápio como publicado.',
      'Volte aqui e escolha «Concluí estes passos».',
    ],
    hours_misconfigured: [
      'Entre em {portal} e abra {stores}.',
      'Defina horários para cada dia em que a loja aceita pedidos e remova os períodos sobrepostos.',
      'Guarde e confirme que a loja aparece aberta neste momento.',
      'Volte aqui e escolha «Concluí estes passos».',
    ],
  },
};
