declare module "fxa-common-password-list" {
  const checker: { test(password: string): boolean };
  export default checker;
}
