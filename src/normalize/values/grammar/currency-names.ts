// Currency names as written after (or, for a few, before) an amount, in the languages the
// values grammar reads, mapped to ISO 4217 codes. Data only: one row per currency, every
// spelling a reader meets in copy — singular, plural, inflected ("złotych", "kanadischen"),
// and the country adjective that tells one dollar from another ("australian dollars",
// "dólares australianos", "dollars canadiens"). A bare "dollar" is USD, a bare "franc" CHF
// and a bare "pound" GBP, as with the signs: the country words are what change them.

export const CURRENCY_NAMES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['USD', [
    'dollars', 'dollar', 'bucks', 'us dollars', 'us dollar', 'u.s. dollars', 'american dollars', 'united states dollars',
    'dólares', 'dólar', 'dolares', 'dolar', 'dólares estadounidenses', 'dólar estadounidense', 'dólares americanos',
    'dollars américains', 'dollar américain', 'dollars us', 'dollar us', 'us-dollar', 'amerikanische dollar', 'amerikanischen dollar',
    'amerikaanse dollar', 'amerikaanse dollars', 'dolarów', 'dolary', 'dolara',
  ]],
  ['EUR', ['euros', 'euro', "euro's"]],
  ['GBP', [
    'pounds sterling', 'pounds', 'pound', 'quid', 'british pounds', 'livres sterling', 'livre sterling', 'livres', 'livre',
    'libras esterlinas', 'libra esterlina', 'libras', 'libra', 'pfund', 'britische pfund', 'pond', 'britse pond', 'funtów', 'funty',
  ]],
  ['CAD', [
    'canadian dollars', 'canadian dollar', 'dollars canadiens', 'dollar canadien', 'dólares canadienses', 'dólar canadiense',
    'kanadische dollar', 'kanadischen dollar', 'canadese dollar', 'canadese dollars',
  ]],
  ['AUD', [
    'australian dollars', 'australian dollar', 'dollars australiens', 'dollar australien', 'dólares australianos', 'dólar australiano',
    'australische dollar', 'australischen dollar', 'australische dollars',
  ]],
  ['NZD', ['new zealand dollars', 'new zealand dollar', 'dollars néo-zélandais', 'dólares neozelandeses']],
  ['HKD', [
    'hong kong dollars', 'hong kong dollar', 'dollars de hong kong', 'dollars hongkongais', 'dólares de hong kong', 'dólar de hong kong',
    'hongkong-dollar',
  ]],
  ['SGD', ['singapore dollars', 'singapore dollar', 'dollars de singapour', 'dólares de singapur']],
  ['JPY', ['yen', 'yens', 'yenes', 'japanese yen', 'yen japonais', 'yens japonais', 'japanische yen', 'japanse yen', 'jenów', 'jeny']],
  ['CNY', ['yuan', 'yuans', 'yuanes', 'renminbi', 'rmb', 'chinese yuan', 'yuan chinois', 'yuans chinois', 'yuan chino', 'yuanes chinos', 'chinesische yuan', 'kuai', '元']],
  ['CHF', [
    'swiss francs', 'swiss franc', 'francs suisses', 'franc suisse', 'francos suizos', 'franco suizo', 'schweizer franken', 'franken',
    'zwitserse frank', 'zwitserse franken', 'franków', 'francs', 'franc', 'francos', 'franco',
  ]],
  ['PLN', ['złotych', 'złote', 'złoty', 'zlotych', 'zloty', 'zlotys', 'zł', 'zl']],
  ['ILS', ['shekels', 'shekel', 'sheqels', 'new israeli shekels', 'שקלים', 'שקל', 'שח']],
  ['INR', ['rupees', 'rupee', 'indian rupees', 'indian rupee', 'roupies', 'roupie', 'roupies indiennes', 'rupias', 'rupia', 'rupias indias', 'rupien', 'indische rupien', 'indiase roepie', 'roepies']],
  ['RUB', ['rubles', 'ruble', 'roubles', 'rouble', 'rublos', 'rubel', 'roebel', 'rubli', 'rubla']],
  ['MXN', ['mexican pesos', 'mexican peso', 'pesos mexicanos', 'peso mexicano', 'pesos mexicains', 'mexikanische pesos']],
  ['BRL', ['reais', 'real brasileño', 'reales brasileños', 'brazilian reais', 'brazilian real']],
  ['SEK', ['swedish kronor', 'swedish krona', 'couronnes suédoises', 'coronas suecas', 'schwedische kronen', 'zweedse kronen', 'koron szwedzkich']],
  ['NOK', ['norwegian kroner', 'norwegian krone', 'couronnes norvégiennes', 'coronas noruegas', 'norwegische kronen', 'noorse kronen']],
  ['DKK', ['danish kroner', 'danish krone', 'couronnes danoises', 'coronas danesas', 'dänische kronen', 'deense kronen']],
  ['CZK', ['czech korunas', 'czech koruna', 'couronnes tchèques', 'coronas checas', 'tschechische kronen', 'tsjechische kronen', 'koron czeskich']],
  ['HUF', ['forints', 'forint', 'forintów']],
  ['TRY', ['turkish liras', 'turkish lira', 'livres turques', 'liras turcas', 'türkische lira', 'turkse lira', 'lir tureckich']],
  ['KRW', ['korean won', 'south korean won', 'wons coréens', 'wones surcoreanos']],
  ['ZAR', ['rand', 'south african rand']],
  ['KHR', ['cambodian riels', 'cambodian riel', 'riels cambodgiens', 'rieles camboyanos', 'kambodschanische riel', 'kambodjaanse riel']],
  ['CRC', ['costa rican colones', 'costa rican colón', 'colones', 'colón costarricense']],
  ['GHS', ['cedis', 'cedi']],
  ['BTC', ['bitcoins', 'bitcoin']],
  // Former currencies, still in the archives the price lists are compared with.
  ['FIM', ['finnish markka', 'finnish markkas', 'markka', 'markkaa', 'mark finlandais', 'marks finlandais', 'marcos finlandeses', 'marco finlandés', 'finnische mark', 'finse mark']],
  ['NLG', ['dutch guilders', 'dutch guilder', 'guilders', 'guilder', 'gulden', 'florins hollandais', 'florins néerlandais', 'florines neerlandeses', 'florín neerlandés', 'holländische gulden', 'niederländische gulden']],
  ['ESP', ['pesetas', 'peseta']],
  ['FRF', ['french francs', 'francs français', 'francos franceses', 'französische francs']],
  ['DEM', ['deutsche mark', 'deutschmarks', 'd-mark']],
];

/**
 * Minor units: the hundredth of a currency, written after an amount ("50 cents", "470 pence",
 * "99 groszy"). `undefined` as the code means "the campaign's own" cent (USD in en, EUR in
 * de/fr/es/nl): the word does not say which.
 */
export const MINOR_UNITS: ReadonlyArray<readonly [string, string | undefined, number]> = [
  ['cents', undefined, 0.01], ['cent', undefined, 0.01], ['¢', undefined, 0.01], ['centavos', undefined, 0.01], ['centavo', undefined, 0.01],
  ['céntimos', undefined, 0.01], ['céntimo', undefined, 0.01], ['centimos', undefined, 0.01], ['centimes', undefined, 0.01], ['centime', undefined, 0.01],
  ['eurocent', 'EUR', 0.01], ['eurocents', 'EUR', 0.01],
  ['pence', 'GBP', 0.01], ['penny', 'GBP', 0.01], ['pennies', 'GBP', 0.01], ['peniques', 'GBP', 0.01], ['penique', 'GBP', 0.01],
  ['groszy', 'PLN', 0.01], ['grosze', 'PLN', 0.01], ['grosz', 'PLN', 0.01],
  ['agorot', 'ILS', 0.01], ['אגורות', 'ILS', 0.01],
  ['pesewas', 'GHS', 0.01], ['pesewa', 'GHS', 0.01], ['penni', 'FIM', 0.01], ['satoshis', 'BTC', 1e-8], ['satoshi', 'BTC', 1e-8],
];

/** Which currency a bare "cent" is, by language tag (region first, then primary language). */
export function centCurrency(language: string): string {
  const tag = language.toLowerCase().replace('_', '-');
  const region = tag.split('-')[1];
  const byRegion: Record<string, string> = { us: 'USD', ca: 'CAD', au: 'AUD', nz: 'NZD', hk: 'HKD', sg: 'SGD', ie: 'EUR', gb: 'GBP', uk: 'GBP', mx: 'MXN', ch: 'CHF' };
  if (region && byRegion[region]) return byRegion[region];
  const byLanguage: Record<string, string> = { en: 'USD', de: 'EUR', fr: 'EUR', es: 'EUR', nl: 'EUR', it: 'EUR', pt: 'EUR', fi: 'EUR', pl: 'PLN', he: 'ILS' };
  return byLanguage[tag.split('-')[0]] ?? 'USD';
}
