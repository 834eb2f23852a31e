export { NotificationService, type NewNotification } from './notification.service.ts'
export { NotificationRepository, type Notification } from './notification.repository.ts'
export { notificationRoutes } from './notification.routes.ts'
