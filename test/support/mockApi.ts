/** The endpoint and environment of tests that answer the API with an injected undici MockAgent. */

/** The ModelArts origin the default settings of ENV point at. */
export const MOCK_ORIGIN = "https://modelarts.cn-north-4.myhuaweicloud.com";

/** Settings for a lookup against MOCK_ORIGIN, with a secret key of the caller's. */
export function mockEnv(secretKey: string): Record<string, string> {
  return { HW_ACCESS_KEY: "AK", HW_SECRET_KEY: secretKey, HW_REGION_NAME: "cn-north-4", HW_PROJECT_ID: "p1" };
}
