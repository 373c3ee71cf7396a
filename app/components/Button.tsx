import { Link, type LinkProps } from "@remix-run/react";
import { type ButtonHTMLAttributes, forwardRef } from "react";

type Variant = "primary" | "secondary" | "danger" | "ghost";

export const Button = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }>(
  function Button({ variant = "primary", className = "", type = "button", ...props }, ref) {
    // biome-ignore lint/a11y/useButtonType: the type comes from props, "button" by default.
    return <button ref={ref} type={type} className={`btn btn-${variant} ${className}`.trim()} {...props} />;
  },
);

export function ButtonLink({ variant = "primary", className = "", ...props }: LinkProps & { variant?: Variant }) {
  return <Link className={`btn btn-${variant} ${className}`.trim()} {...props} />;
}
