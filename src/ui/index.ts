/**
 * Relais design system: the page layout, the stylesheet and the components.
 * Other modules import the interface only from here.
 */
import type { ComponentExamples } from './types.ts';
import { examples as breadcrumbsExamples } from './components/breadcrumbs/examples.tsx';
import { examples as buttonExamples } from './components/button/examples.tsx';
import { examples as chartExamples } from './components/chart/examples.tsx';
import { examples as checkboxesExamples } from './components/checkboxes/examples.tsx';
import { examples as dateInputExamples } from './components/date-input/examples.tsx';
import { examples as detailsExamples } from './components/details/examples.tsx';
import { examples as errorMessageExamples } from './components/error-message/examples.tsx';
import { examples as errorSummaryExamples } from './components/error-summary/examples.tsx';
import { examples as fieldsetExamples } from './components/fieldset/examples.tsx';
import { examples as fileUploadExamples } from './components/file-upload/examples.tsx';
import { examples as linkButtonExamples } from './components/link-button/examples.tsx';
import { examples as notificationBannerExamples } from './components/notification-banner/examples.tsx';
import { examples as paginationExamples } from './components/pagination/examples.tsx';
import { examples as radiosExamples } from './components/radios/examples.tsx';
import { examples as selectExamples } from './components/select/examples.tsx';
import { examples as summaryListExamples } from './components/summary-list/examples.tsx';
import { examples as tableExamples } from './components/table/examples.tsx';
import { examples as tagExamples } from './components/tag/examples.tsx';
import { examples as textInputExamples } from './components/text-input/examples.tsx';
import { examples as textareaExamples } from './components/textarea/examples.tsx';

export { Layout, navCurrent, type LayoutProps, type NavItem } from './layout.tsx';
export { stylesheet, stylesheetHref } from './styles.ts';
export { DevComponentsPage, type DevComponentsPageProps } from './dev-page.tsx';
export { Icon, type IconName } from './icons.tsx';
export type { ComponentExamples, Example, FieldItem, FieldProps } from './types.ts';

export { Breadcrumbs, type BreadcrumbItem, type BreadcrumbsProps } from './components/breadcrumbs/index.tsx';
export { Button, type ButtonProps, type ButtonVariant } from './components/button/index.tsx';
export { BarChart, LineChart, axisMaximum, type ChartPoint, type ChartProps } from './components/chart/index.tsx';
export { Checkboxes, type CheckboxesProps } from './components/checkboxes/index.tsx';
export { DateInput, type DateInputProps } from './components/date-input/index.tsx';
export { Details, type DetailsProps } from './components/details/index.tsx';
export { ErrorMessage, type ErrorMessageProps } from './components/error-message/index.tsx';
export { ErrorSummary, type ErrorSummaryProps } from './components/error-summary/index.tsx';
export { Fieldset, type FieldsetProps } from './components/fieldset/index.tsx';
export { FileUpload, type FileUploadProps } from './components/file-upload/index.tsx';
export { LinkButton, type LinkButtonProps } from './components/link-button/index.tsx';
export {
  NotificationBanner,
  type NotificationBannerProps,
  type NotificationKind,
} from './components/notification-banner/index.tsx';
export { Pagination, pageWindow, type PaginationProps } from './components/pagination/index.tsx';
export { Radios, type RadiosProps } from './components/radios/index.tsx';
export { Select, type SelectProps } from './components/select/index.tsx';
export {
  SummaryList,
  type SummaryListAction,
  type SummaryListProps,
  type SummaryListRow,
} from './components/summary-list/index.tsx';
export { Table, type TableColumn, type TableProps } from './components/table/index.tsx';
export { Tag, type TagColour, type TagProps } from './components/tag/index.tsx';
export { TextInput, type InputWidth, type TextInputProps } from './components/text-input/index.tsx';
export { Textarea, type TextareaProps } from './components/textarea/index.tsx';

/**
 * Every component's examples, in alphabetical order of folder, for the development page (and its axe check).
 *
 * @example
 * app.get('/dev/composants', (c) => c.html(<Layout …><DevComponentsPage examples={allExamples()} /></Layout>));
 */
export function allExamples(): ComponentExamples[] {
  return [
    { component: 'breadcrumbs', examples: breadcrumbsExamples },
    { component: 'button', examples: buttonExamples },
    { component: 'chart', examples: chartExamples },
    { component: 'checkboxes', examples: checkboxesExamples },
    { component: 'date-input', examples: dateInputExamples },
    { component: 'details', examples: detailsExamples },
    { component: 'error-message', examples: errorMessageExamples },
    { component: 'error-summary', examples: errorSummaryExamples },
    { component: 'fieldset', examples: fieldsetExamples },
    { component: 'file-upload', examples: fileUploadExamples },
    { component: 'link-button', examples: linkButtonExamples },
    { component: 'notification-banner', examples: notificationBannerExamples },
    { component: 'pagination', examples: paginationExamples },
    { component: 'radios', examples: radiosExamples },
    { component: 'select', examples: selectExamples },
    { component: 'summary-list', examples: summaryListExamples },
    { component: 'table', examples: tableExamples },
    { component: 'tag', examples: tagExamples },
    { component: 'text-input', examples: textInputExamples },
    { component: 'textarea', examples: textareaExamples },
  ];
}
