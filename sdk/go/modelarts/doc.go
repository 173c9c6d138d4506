// Look up Huawei Cloud ModelArts visualization jobs (TensorBoard / MindInsight) by name, pattern or status.
package modelarts
