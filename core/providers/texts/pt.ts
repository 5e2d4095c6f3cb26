import type { ProviderTexts } from './provider-texts.js';

export const pt: ProviderTexts = {
  errorTypes: {
    invalid_credentials: 'Os dados de acesso já não funcionam',
    two_factor_required: 'É preciso um código de verificação',
    mfa_required: 'É preciso uma verificação em várias etapas',
    third_party_blocked: 'A plataforma bloqueou o nosso acesso',
    invalid_store_config: 'A loja precisa de um ajuste na plataforma',
    provider_unavailable: 'A plataforma está com problemas',
    unknown: 'Um problema não reconhecido',
  },
  causes: {
    store_inactive: 'A loja está inativa ou em pausa',
    non_traditional_login: 'A conta só entra com Google ou Apple',
    store_not_found: 'A loja não está ligada a esta conta',
    menu_misconfigured: 'Não é possível publicar o menu',
    hours_misconfigured: 'Os horários faltam ou são inválidos',
  },
  resolutions: {
    reconnect: 'Voltar a ligar a conta',
    merchant_portal: 'Seguir os passos no portal da plataforma',
    retry: 'Nada a fazer: tentamos de novo automaticamente',
    support: 'A nossa equipa de suporte trata disto',
  },
  quotes: ['“', '”'],
  done: 'Concluí estes passos',
  generic: {
    portal: 'o portal de parceiros de {provider}',
    stores: 'a lista de lojas',
    storeStatus: 'o estado da loja',
    menu: 'o editor do menu',
    hours: 'o horário de funcionamento',
    account: 'os utilizadores e acessos',
    support: 'o apoio a parceiros',
  },
  steps: {
    store_inactive: [
      'Abra {portal}{portalLink} e entre com uma conta de administrador.',
      'Abra {stores} e selecione a loja afetada.',
      'Verifique {storeStatus}: se a loja estiver em pausa, fechada ou inativa, volte a abri-la.',
      'Se o portal não deixar reabri-la, foi {provider} que a fechou: peça a reativação usando {support}.',
      'Quando a loja voltar a aceitar encomendas, regresse à página de reparação e escolha {done}.',
    ],
    non_traditional_login: [
      'Abra {portal}{portalLink} e entre como costuma fazer (Google, Apple ou outro início de sessão único).',
      'Abra {account} e selecione o utilizador ligado ao nosso serviço.',
      'Dê a esse utilizador um acesso com palavra-passe (um e-mail e uma palavra-passe), ou convide um novo utilizador que entre com palavra-passe.',
      'Regresse à página de reparação, escolha {done} e volte a ligar a conta com esse e-mail e essa palavra-passe.',
    ],
    store_not_found: [
      'Abra {portal}{portalLink} e entre com a conta ligada ao nosso serviço.',
      'Abra {stores} e confirme que todas as lojas afetadas estão na lista.',
      'Se faltar alguma, pertence a outra conta com {provider}: ligue essa conta, ou peça a transferência da loja usando {support}.',
      'Regresse à página de reparação e escolha {done}.',
    ],
    menu_misconfigured: [
      'Abra {portal}{portalLink} e entre.',
      'Abra {menu} da loja afetada.',
      'Corrija tudo o que o portal assinalar: um preço em falta, uma categoria ou um grupo de opções vazio, uma foto em falta.',
      'Publique o menu e aguarde até {provider} o mostrar como ativo.',
      'Regresse à página de reparação e escolha {done}.',
    ],
    hours_misconfigured: [
      'Abra {portal}{portalLink} e entre.',
      'Abra {hours} da loja afetada.',
      'Defina o horário de cada dia em que a loja aceita encomendas e apague os períodos que se sobrepõem.',
      'Guarde e confirme que a loja aparece aberta a esta hora do dia.',
      'Regresse à página de reparação e escolha {done}.',
    ],
  },
  providerSteps: {
    deliveroo: {
      store_inactive: [
        'Abra {portal}{portalLink} e depois {stores}.',
        'Encontre a loja afetada e veja {storeStatus}: uma loja marcada como inativa não recebe encomendas.',
        'Se foi a sua equipa que a fechou, volte a abri-la para o horário de hoje.',
        'Se foi o Deliveroo que a desativou, por exemplo à espera de um documento ou depois de uma verificação do tablet, escreva-lhes usando {support} e pergunte o que falta para a reativar.',
        'Quando a loja aparecer como ativa, regresse à página de reparação e escolha {done}.',
      ],
    },
    doordash: {
      store_inactive: [
        'Abra {portal}{portalLink}, depois {stores}, e selecione a loja afetada.',
        'Abra {storeStatus}: se a loja estiver em pausa, termine a pausa.',
        'Se aparecer como desativada, só o DoorDash a pode voltar a ativar: contacte-os usando {support}.',
        'Quando a loja voltar a aceitar encomendas, regresse à página de reparação e escolha {done}.',
      ],
    },
  },
};
