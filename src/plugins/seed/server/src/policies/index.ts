import noMoney from './no-money';

export default { 'no-money': noMoney };
