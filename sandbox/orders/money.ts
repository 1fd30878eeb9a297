// v2 money values are strings with four decimals ("25.0000"), as in every example of the orders spec.
export const money = (n: number): string => n.toFixed(4);
